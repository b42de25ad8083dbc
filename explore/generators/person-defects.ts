import { defect, itemsOf, type EntityDefect } from './entity-defect.js';

type Data = Record<string, unknown>;

const person = (
  id: string,
  rule: string,
  code: string,
  field: string | ((broken: Data) => string),
  change: (entity: Data) => void,
  disputed?: string,
): EntityDefect =>
  defect(
    'PERSON.PERSON',
    id,
    rule,
    (broken) => ({ code, field: typeof field === 'string' ? field : field(broken) }),
    change,
    disputed,
  );

/** Index of the first registration address. */
function registrationIndex(entity: Data): number {
  return itemsOf(entity, 'addresses').findIndex((address) => address['addressTypeCode'] === 'R');
}

/** Makes the person private (P) with both names, so that a name defect has one effect. */
function asPrivate(entity: Data): void {
  entity['personTypeCode'] = 'P';
  entity['givenName'] ??= 'Peter';
  entity['surname'] ??= 'Schmidt';
  delete entity['name'];
}

function changeFirstId(entity: Data, change: (id: Data) => void): void {
  const ids = itemsOf(entity, 'identificationNumbers');
  if (ids[0] !== undefined) change(ids[0]);
  entity['identificationNumbers'] = ids;
}

/** Defects of a person, each breaking one of V-1…V-4 and V-12. */
export const PERSON_DEFECTS: readonly EntityDefect[] = [
  person(
    'person-customer-type-unknown',
    'V-1',
    'err.personCustomerTypeInvalid',
    'customerType',
    (e) => {
      e['customerTypeCode'] = 'someTypeCode';
    },
  ),
  person(
    'person-no-primary-id',
    'V-2',
    'err.idNumberOnePrimaryRequired',
    'identificationNumbers',
    (e) => {
      e['identificationNumbers'] = itemsOf(e, 'identificationNumbers').map((id) => ({
        ...id,
        primary: false,
      }));
    },
  ),
  person(
    'person-two-primary-ids',
    'V-2',
    'err.idNumberOnePrimaryRequired',
    'identificationNumbers',
    (e) => {
      const ids = itemsOf(e, 'identificationNumbers');
      e['identificationNumbers'] = [
        ...ids.map((id) => ({ ...id, primary: true })),
        { ...ids[0], primary: true },
      ];
    },
  ),
  person('person-type-unknown', 'V-3', 'err.personPersonTypeCodeInvalid', 'personTypeCode', (e) => {
    e['personTypeCode'] = 'X';
  }),
  person('person-given-name-missing', 'V-3', 'err.personGivenNameMissing', 'givenName', (e) => {
    asPrivate(e);
    delete e['givenName'];
  }),
  person('person-surname-not-text', 'V-3', 'err.personSurnameInvalid', 'surname', (e) => {
    asPrivate(e);
    e['surname'] = 42;
  }),
  person('person-legal-name-null', 'V-3', 'err.personNameMissing', 'name', (e) => {
    e['personTypeCode'] = 'L';
    e['name'] = null;
  }),
  person('person-source-missing', 'V-3', 'err.personSourceMissing', 'source', (e) => {
    delete e['source'];
  }),
  person('person-source-without-ref', 'V-3', 'err.personSourceInvalid', 'source', (e) => {
    e['source'] = { sourceName: 'legacy-core' };
  }),
  person(
    'person-ids-missing',
    'V-3',
    'err.personIdentificationNumbersMissing',
    'identificationNumbers',
    (e) => {
      delete e['identificationNumbers'];
    },
  ),
  person(
    'person-id-number-missing',
    'V-3',
    'err.personIdNumberMissing',
    'identificationNumbers[0].idNumber',
    (e) => {
      changeFirstId(e, (id) => delete id['idNumber']);
    },
  ),
  person(
    'person-id-country-three-letters',
    'V-3',
    'err.personIdCountryCodeInvalid',
    'identificationNumbers[0].idCountryCode',
    (e) => {
      changeFirstId(e, (id) => (id['idCountryCode'] = 'DEU'));
    },
  ),
  person('person-nationality-a-name', 'V-3', 'err.personNationalityInvalid', 'nationality', (e) => {
    e['nationality'] = 'Germany';
  }),
  person(
    'person-tax-country-lower-case',
    'V-3',
    'err.personTaxCountryCodeInvalid',
    'taxNumbers[0].taxCountryCode',
    (e) => {
      e['taxNumbers'] = [{ taxNumber: '12123456A123', taxCountryCode: 'de' }];
    },
  ),
  person(
    'person-address-country-lower-case',
    'V-3',
    'err.personCountryCodeInvalid',
    (broken) => `addresses[${registrationIndex(broken)}].countryCode`,
    (e) => {
      const addresses = itemsOf(e, 'addresses');
      const main = addresses[registrationIndex(e)];
      if (main !== undefined) main['countryCode'] = 'de';
      e['addresses'] = addresses;
    },
  ),
  person('person-birth-date-impossible', 'V-4', 'err.personBirthDateInvalid', 'birthDate', (e) => {
    e['birthDate'] = '1980-02-30';
  }),
  person('person-birth-date-format', 'V-4', 'err.personBirthDateInvalid', 'birthDate', (e) => {
    e['birthDate'] = '01.12.1980';
  }),
  person(
    'person-no-registration-address',
    'V-12',
    'err.addressRegistrationAtLeastOneRequired',
    'addresses',
    (e) => {
      e['addresses'] = itemsOf(e, 'addresses').map((address) => ({
        ...address,
        addressTypeCode: 'P',
      }));
    },
  ),
  person(
    'person-registration-address-without-city',
    'V-12',
    'err.addressRegistrationAtLeastOneRequired',
    'addresses',
    (e) => {
      e['addresses'] = itemsOf(e, 'addresses').map((address) =>
        address['addressTypeCode'] === 'R' ? { ...address, cityCounty: '' } : address,
      );
    },
  ),
  defect(
    'PERSON.PERSON',
    'person-birth-date-empty',
    'V-3',
    null,
    (e) => (e['birthDate'] = ''),
    'an optional field holding "" is missing by the reference\'s definition of missing, and ' +
      'an optional field is checked only when present; a provider may call it Invalid',
  ),
];
