import { describe, expect, it } from 'vitest';
import {
  codesAndFields,
  contextWith,
  person,
  problemsOf,
  registrationAddress,
  validPerson,
  without,
} from './test-fixtures.js';

const context = contextWith();
const problems = (data: Record<string, unknown>): ReturnType<typeof problemsOf> =>
  problemsOf(person(data), context);
const codes = (data: Record<string, unknown>): ReturnType<typeof codesAndFields> =>
  codesAndFields(problems(data));

describe('person rules', () => {
  it('V-3 accepts the documented example person as it is', () => {
    expect(problems(validPerson())).toEqual([]);
  });

  it('V-1 refuses a customerTypeCode outside the catalogue, under field name customerType', () => {
    expect(problems(validPerson({ customerTypeCode: 'VIP' }))).toEqual([
      {
        rule: 'V-1',
        fieldName: 'customerType',
        errorCode: 'err.personCustomerTypeInvalid',
        errorValue: 'VIP',
        errorMessage: 'customerTypeCode must be one of PRIVATE, BUSINESS, STAFF; got "VIP".',
      },
    ]);
  });

  it('V-1 accepts every catalogue code, and no customerTypeCode at all', () => {
    for (const code of ['PRIVATE', 'BUSINESS', 'STAFF', null]) {
      expect(problems(validPerson({ customerTypeCode: code }))).toEqual([]);
    }
    expect(problems(without(validPerson(), 'customerTypeCode'))).toEqual([]);
  });

  it('V-1 checks against the catalogue of the reference data in use', () => {
    const ownCatalogue = contextWith({
      referenceData: { ...context.referenceData, customerTypeCodes: ['VIP'] },
    });

    expect(problemsOf(person(validPerson({ customerTypeCode: 'VIP' })), ownCatalogue)).toEqual([]);
    expect(codesAndFields(problemsOf(person(validPerson()), ownCatalogue))).toEqual([
      { errorCode: 'err.personCustomerTypeInvalid', fieldName: 'customerType' },
    ]);
  });

  it('V-1 refuses a customerTypeCode that is not a string', () => {
    expect(problems(validPerson({ customerTypeCode: 3 }))).toMatchObject([
      {
        rule: 'V-1',
        fieldName: 'customerType',
        errorCode: 'err.personCustomerTypeInvalid',
        errorValue: 3,
      },
    ]);
  });

  it('V-2 refuses identification numbers without a primary one', () => {
    const ids = [
      { idNumber: '1', idCountryCode: 'DE', primary: false },
      { idNumber: '2', idCountryCode: 'DE' },
    ];

    expect(problems(validPerson({ identificationNumbers: ids }))).toEqual([
      {
        rule: 'V-2',
        fieldName: 'identificationNumbers',
        errorCode: 'err.idNumberOnePrimaryRequired',
        errorValue: null,
        errorMessage:
          'identificationNumbers must have exactly one entry with primary: true; found 0.',
      },
    ]);
  });

  it('V-2 refuses two primary identification numbers', () => {
    const ids = [
      { idNumber: '1', idCountryCode: 'DE', primary: true },
      { idNumber: '2', idCountryCode: 'FR', primary: true },
    ];

    expect(codes(validPerson({ identificationNumbers: ids }))).toEqual([
      { errorCode: 'err.idNumberOnePrimaryRequired', fieldName: 'identificationNumbers' },
    ]);
  });

  it('V-2 refuses an empty identificationNumbers array', () => {
    expect(codes(validPerson({ identificationNumbers: [] }))).toEqual([
      { errorCode: 'err.idNumberOnePrimaryRequired', fieldName: 'identificationNumbers' },
    ]);
  });

  it('V-2 counts only primary: true, not the string "true"', () => {
    const ids = [{ idNumber: '1', idCountryCode: 'DE', primary: 'true' }];

    expect(codes(validPerson({ identificationNumbers: ids }))).toEqual([
      { errorCode: 'err.idNumberOnePrimaryRequired', fieldName: 'identificationNumbers' },
    ]);
  });

  it('V-3 reports missing identificationNumbers once, without V-2', () => {
    expect(codes(without(validPerson(), 'identificationNumbers'))).toEqual([
      { errorCode: 'err.personIdentificationNumbersMissing', fieldName: 'identificationNumbers' },
    ]);
    expect(codes(validPerson({ identificationNumbers: { idNumber: '1' } }))).toEqual([
      { errorCode: 'err.personIdentificationNumbersInvalid', fieldName: 'identificationNumbers' },
    ]);
  });

  it('V-3 checks each identification number by its path', () => {
    const ids = [
      { idNumber: '1', idCountryCode: 'DE', primary: true },
      { idCountryCode: 'de' },
      'A-123',
    ];

    expect(problems(validPerson({ identificationNumbers: ids }))).toMatchObject([
      {
        rule: 'V-3',
        fieldName: 'identificationNumbers[1].idNumber',
        errorCode: 'err.personIdNumberMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'identificationNumbers[1].idCountryCode',
        errorCode: 'err.personIdCountryCodeInvalid',
        errorValue: 'de',
      },
      {
        rule: 'V-3',
        fieldName: 'identificationNumbers[2]',
        errorCode: 'err.personIdentificationNumbersInvalid',
        errorValue: 'A-123',
      },
    ]);
  });

  it('V-3 refuses a missing or incomplete source', () => {
    expect(codes(without(validPerson(), 'source'))).toEqual([
      { errorCode: 'err.personSourceMissing', fieldName: 'source' },
    ]);
    expect(codes(validPerson({ source: { sourceName: 'external' } }))).toEqual([
      { errorCode: 'err.personSourceInvalid', fieldName: 'source' },
    ]);
    expect(codes(validPerson({ source: 'external' }))).toEqual([
      { errorCode: 'err.personSourceInvalid', fieldName: 'source' },
    ]);
  });

  it('V-3 refuses a personTypeCode other than P or L', () => {
    expect(problems(validPerson({ personTypeCode: 'X' }))).toMatchObject([
      {
        rule: 'V-3',
        fieldName: 'personTypeCode',
        errorCode: 'err.personPersonTypeCodeInvalid',
        errorValue: 'X',
      },
    ]);
    expect(codes(validPerson({ personTypeCode: null }))).toEqual([
      { errorCode: 'err.personPersonTypeCodeMissing', fieldName: 'personTypeCode' },
    ]);
  });

  it('V-3 requires givenName and surname of a private person', () => {
    expect(codes(validPerson({ givenName: '', surname: 7 }))).toEqual([
      { errorCode: 'err.personGivenNameMissing', fieldName: 'givenName' },
      { errorCode: 'err.personSurnameInvalid', fieldName: 'surname' },
    ]);
  });

  it('V-3 requires the name of a legal person, and not its given name', () => {
    const legal = without(
      validPerson({ personTypeCode: 'L', name: 'Schmidt GmbH' }),
      'givenName',
      'surname',
    );

    expect(problems(legal)).toEqual([]);
    expect(codes(without(legal, 'name'))).toEqual([
      { errorCode: 'err.personNameMissing', fieldName: 'name' },
    ]);
  });

  it('V-3 refuses country codes that are not two upper-case letters', () => {
    const data = validPerson({
      nationality: 'Germany',
      countryOfBirth: 'de',
      residencyCountryCode: 'DEU',
      taxResidencyCountryCode: 49,
      taxNumbers: [{ taxNumber: '1', taxCountryCode: 'D' }],
      addresses: [
        registrationAddress(),
        registrationAddress({ addressTypeCode: 'M', countryCode: 'deu' }),
      ],
    });

    expect(codes(data)).toEqual([
      { errorCode: 'err.personNationalityInvalid', fieldName: 'nationality' },
      { errorCode: 'err.personCountryOfBirthInvalid', fieldName: 'countryOfBirth' },
      { errorCode: 'err.personResidencyCountryCodeInvalid', fieldName: 'residencyCountryCode' },
      {
        errorCode: 'err.personTaxResidencyCountryCodeInvalid',
        fieldName: 'taxResidencyCountryCode',
      },
      { errorCode: 'err.personTaxCountryCodeInvalid', fieldName: 'taxNumbers[0].taxCountryCode' },
      { errorCode: 'err.personCountryCodeInvalid', fieldName: 'addresses[1].countryCode' },
    ]);
  });

  it('V-3 does not take phoneNumberCountryCode for a country code', () => {
    expect(problems(validPerson({ phoneNumberCountryCode: '+49' }))).toEqual([]);
  });

  it('V-3 treats null optional fields as absent', () => {
    const data = validPerson({ birthDate: null, nationality: null, taxNumbers: null });

    expect(problems(data)).toEqual([]);
  });

  it('V-4 refuses a birthDate that is no calendar date', () => {
    expect(problems(validPerson({ birthDate: '1980-02-30' }))).toMatchObject([
      {
        rule: 'V-4',
        fieldName: 'birthDate',
        errorCode: 'err.personBirthDateInvalid',
        errorValue: '1980-02-30',
      },
    ]);
  });

  it('V-4 accepts a leap day birthDate', () => {
    expect(problems(validPerson({ birthDate: '1980-02-29' }))).toEqual([]);
  });

  it('V-12 refuses a person without a registration address', () => {
    const data = validPerson({ addresses: [registrationAddress({ addressTypeCode: 'M' })] });

    expect(problems(data)).toEqual([
      {
        rule: 'V-12',
        fieldName: 'addresses',
        errorCode: 'err.addressRegistrationAtLeastOneRequired',
        errorValue: null,
        errorMessage:
          'addresses must hold a registration address (addressTypeCode "R") with street1, cityCounty and countryCode.',
      },
    ]);
  });

  it('V-12 refuses a registration address without street1, cityCounty or countryCode', () => {
    for (const incomplete of [{ street1: null }, { cityCounty: '' }, { countryCode: undefined }]) {
      const data = validPerson({ addresses: [registrationAddress(incomplete)] });

      expect(codes(data)).toEqual([
        { errorCode: 'err.addressRegistrationAtLeastOneRequired', fieldName: 'addresses' },
      ]);
    }
  });

  it('V-12 refuses an empty addresses array', () => {
    expect(codes(validPerson({ addresses: [] }))).toEqual([
      { errorCode: 'err.addressRegistrationAtLeastOneRequired', fieldName: 'addresses' },
    ]);
  });

  it('V-12 accepts one complete registration address among others', () => {
    const mailing = { addressTypeCode: 'M', street1: 'Postfach 1' };

    expect(problems(validPerson({ addresses: [mailing, registrationAddress()] }))).toEqual([]);
  });

  it('V-3 reports missing addresses once, without V-12', () => {
    expect(codes(without(validPerson(), 'addresses'))).toEqual([
      { errorCode: 'err.personAddressesMissing', fieldName: 'addresses' },
    ]);
    expect(codes(validPerson({ addresses: registrationAddress() }))).toEqual([
      { errorCode: 'err.personAddressesInvalid', fieldName: 'addresses' },
    ]);
  });

  it('reports every problem of one person', () => {
    const data = validPerson({
      source: null,
      surname: '',
      birthDate: '01.12.1980',
      customerTypeCode: 'someTypeCode',
      identificationNumbers: [],
      addresses: [],
    });

    expect(codes(data)).toEqual([
      { errorCode: 'err.personSourceMissing', fieldName: 'source' },
      { errorCode: 'err.personSurnameMissing', fieldName: 'surname' },
      { errorCode: 'err.personBirthDateInvalid', fieldName: 'birthDate' },
      { errorCode: 'err.personCustomerTypeInvalid', fieldName: 'customerType' },
      { errorCode: 'err.idNumberOnePrimaryRequired', fieldName: 'identificationNumbers' },
      { errorCode: 'err.addressRegistrationAtLeastOneRequired', fieldName: 'addresses' },
    ]);
  });
});
