import { describe, expect, it } from 'vitest';
import {
  account,
  codesAndFields,
  contextWith,
  problemsOf,
  tenantHolding,
  validAccount,
  without,
} from './test-fixtures.js';

// The example account belongs to the example person, created by an earlier import.
const context = contextWith({ tenant: tenantHolding(['PERSON.PERSON', 'IM-P-00023']) });
const problems = (data: Record<string, unknown>): ReturnType<typeof problemsOf> =>
  problemsOf(account(data), context);
const codes = (data: Record<string, unknown>): ReturnType<typeof codesAndFields> =>
  codesAndFields(problems(data));

describe('account rules', () => {
  it('V-3 accepts the documented example account as it is', () => {
    expect(problems(validAccount())).toEqual([]);
  });

  it('V-3 accepts an account without its optional money fields', () => {
    expect(problems(without(validAccount(), 'overdraftAmount', 'limits'))).toEqual([]);
    expect(problems(validAccount({ overdraftAmount: null, limits: null }))).toEqual([]);
  });

  it('V-3 reports each missing required field', () => {
    const data = without(
      validAccount(),
      'externalPersonId',
      'statusCode',
      'accountTypeCode',
      'activationDate',
      'currencyCode',
    );

    expect(problems(data)).toMatchObject([
      {
        rule: 'V-3',
        fieldName: 'externalPersonId',
        errorCode: 'err.accountExternalPersonIdMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'statusCode',
        errorCode: 'err.accountStatusCodeMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'accountTypeCode',
        errorCode: 'err.accountAccountTypeCodeMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'activationDate',
        errorCode: 'err.accountActivationDateMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'currencyCode',
        errorCode: 'err.accountCurrencyCodeMissing',
        errorValue: null,
      },
    ]);
  });

  it('V-3 refuses an externalPersonId that is not a string, and then skips V-7', () => {
    expect(problems(validAccount({ externalPersonId: 23 }))).toMatchObject([
      {
        rule: 'V-3',
        fieldName: 'externalPersonId',
        errorCode: 'err.accountExternalPersonIdInvalid',
        errorValue: 23,
      },
    ]);
  });

  it('V-3 refuses a statusCode that is not a string', () => {
    expect(problems(validAccount({ statusCode: 1 }))).toMatchObject([
      {
        rule: 'V-3',
        fieldName: 'statusCode',
        errorCode: 'err.accountStatusCodeInvalid',
        errorValue: 1,
      },
    ]);
  });

  it('V-3 refuses a currencyCode that is not three upper-case letters', () => {
    expect(codes(validAccount({ currencyCode: 'eur' }))).toEqual([
      { errorCode: 'err.accountCurrencyCodeInvalid', fieldName: 'currencyCode' },
    ]);
  });

  it('V-4 refuses an activationDate that is no calendar date', () => {
    expect(problems(validAccount({ activationDate: '2023-02-30' }))).toEqual([
      {
        rule: 'V-4',
        fieldName: 'activationDate',
        errorCode: 'err.accountActivationDateInvalid',
        errorValue: '2023-02-30',
        errorMessage: 'activationDate must be a date YYYY-MM-DD; got "2023-02-30".',
      },
    ]);
  });

  it('V-4 accepts an activationDate on a leap day', () => {
    expect(problems(validAccount({ activationDate: '2024-02-29' }))).toEqual([]);
  });

  it('V-5 refuses a defective overdraftAmount with one problem named after it', () => {
    const defects = [
      1500,
      { currencyCode: 'EUR' },
      { amount: '1500', currencyCode: 'EUR' },
      { amount: 1500, currencyCode: 'eur' },
      { amount: 1500 },
      [1500, 'EUR'],
    ];
    for (const overdraftAmount of defects) {
      expect(problems(validAccount({ overdraftAmount }))).toMatchObject([
        {
          rule: 'V-5',
          fieldName: 'overdraftAmount',
          errorCode: 'err.accountOverdraftAmountInvalid',
          errorValue: overdraftAmount,
        },
      ]);
    }
  });

  it('V-5 refuses a limit amount, coded after its own field name', () => {
    const limits = [
      { amount: { amount: 1500, currencyCode: 'EUR' } },
      { amount: { amount: 10, currencyCode: 'EURO' }, accountLimitTypeCode: 'string' },
    ];

    expect(codes(validAccount({ limits }))).toEqual([
      { errorCode: 'err.accountAmountInvalid', fieldName: 'limits[1].amount' },
    ]);
  });

  it('V-3 refuses limits that are not an array of objects', () => {
    expect(codes(validAccount({ limits: { amount: 1 } }))).toEqual([
      { errorCode: 'err.accountLimitsInvalid', fieldName: 'limits' },
    ]);
    expect(codes(validAccount({ limits: ['1500 EUR'] }))).toEqual([
      { errorCode: 'err.accountLimitsInvalid', fieldName: 'limits[0]' },
    ]);
  });

  it('V-13 refuses a statusCode outside the catalogue', () => {
    expect(problems(validAccount({ statusCode: 'OPEN' }))).toMatchObject([
      {
        rule: 'V-13',
        fieldName: 'statusCode',
        errorCode: 'err.accountStatusCodeInvalid',
        errorValue: 'OPEN',
      },
    ]);
  });

  it('V-13 refuses an accountTypeCode outside the catalogue', () => {
    expect(problems(validAccount({ accountTypeCode: 'CHECKING' }))).toMatchObject([
      {
        rule: 'V-13',
        fieldName: 'accountTypeCode',
        errorCode: 'err.accountAccountTypeCodeInvalid',
        errorValue: 'CHECKING',
      },
    ]);
  });

  it('V-13 accepts every catalogue code', () => {
    for (const statusCode of ['ACTIVE', 'BLOCKED', 'CLOSED']) {
      expect(problems(validAccount({ statusCode }))).toEqual([]);
    }
    for (const accountTypeCode of ['CURRENCY', 'INTERNAL', 'SAVING', 'SHADOW', 'VIRTUAL']) {
      expect(problems(validAccount({ accountTypeCode }))).toEqual([]);
    }
  });

  it('V-13 checks against the catalogues of the reference data in use', () => {
    const referenceData = { ...context.referenceData, accountStatusCodes: ['OPEN'] };
    const ownCatalogue = contextWith({ ...context, referenceData });

    expect(problemsOf(account(validAccount({ statusCode: 'OPEN' })), ownCatalogue)).toEqual([]);
  });

  it('reports every problem of one account', () => {
    const data = validAccount({
      statusCode: 'OPEN',
      activationDate: '17.02.2023',
      currencyCode: null,
      overdraftAmount: { amount: JSON.parse('1e999') as number, currencyCode: 'EUR' },
    });

    expect(codes(data)).toEqual([
      { errorCode: 'err.accountStatusCodeInvalid', fieldName: 'statusCode' },
      { errorCode: 'err.accountActivationDateInvalid', fieldName: 'activationDate' },
      { errorCode: 'err.accountCurrencyCodeMissing', fieldName: 'currencyCode' },
      { errorCode: 'err.accountOverdraftAmountInvalid', fieldName: 'overdraftAmount' },
    ]);
  });
});
