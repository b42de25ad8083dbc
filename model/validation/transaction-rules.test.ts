import { describe, expect, it } from 'vitest';
import {
  codesAndFields,
  contextWith,
  problemsOf,
  tenantHolding,
  transaction,
  validTransaction,
  without,
} from './test-fixtures.js';

// The example transaction is on the example account, created by an earlier import.
const context = contextWith({ tenant: tenantHolding(['ACCOUNT.ACCOUNT', 'IM-A-00023']) });
const problems = (data: Record<string, unknown>): ReturnType<typeof problemsOf> =>
  problemsOf(transaction(data), context);
const codes = (data: Record<string, unknown>): ReturnType<typeof codesAndFields> =>
  codesAndFields(problems(data));

describe('transaction rules', () => {
  it('V-3 accepts the documented example transaction as it is', () => {
    expect(problems(validTransaction())).toEqual([]);
  });

  it('V-3 accepts a transaction without its optional fields', () => {
    const bare = without(validTransaction(), 'merchantInfo', 'metaInfo', 'transactionDTime');

    expect(problems(bare)).toEqual([]);
    expect(problems(validTransaction({ merchantInfo: null, transactionDTime: null }))).toEqual([]);
  });

  it('V-3 reports each missing required field', () => {
    const data = validTransaction({
      externalAccountId: '',
      groupId: null,
      transactionTypeCode: undefined,
      amount: null,
      initialBalanceAmount: undefined,
      valueDate: '',
      postingDate: null,
    });

    expect(problems(data)).toMatchObject([
      {
        rule: 'V-3',
        fieldName: 'externalAccountId',
        errorCode: 'err.transactionExternalAccountIdMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'groupId',
        errorCode: 'err.transactionGroupIdMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'transactionTypeCode',
        errorCode: 'err.transactionTransactionTypeCodeMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'amount',
        errorCode: 'err.transactionAmountMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'initialBalanceAmount',
        errorCode: 'err.transactionInitialBalanceAmountMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'valueDate',
        errorCode: 'err.transactionValueDateMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'postingDate',
        errorCode: 'err.transactionPostingDateMissing',
        errorValue: null,
      },
    ]);
  });

  it('V-3 refuses values of the wrong JSON type', () => {
    const data = validTransaction({
      groupId: 1234,
      initialBalanceAmount: '2000',
      valueDate: 20220103,
    });

    expect(problems(data)).toMatchObject([
      {
        rule: 'V-3',
        fieldName: 'groupId',
        errorCode: 'err.transactionGroupIdInvalid',
        errorValue: 1234,
      },
      {
        rule: 'V-3',
        fieldName: 'initialBalanceAmount',
        errorCode: 'err.transactionInitialBalanceAmountInvalid',
        errorValue: '2000',
      },
      {
        rule: 'V-3',
        fieldName: 'valueDate',
        errorCode: 'err.transactionValueDateInvalid',
        errorValue: 20220103,
      },
    ]);
  });

  it('V-3 refuses an initialBalanceAmount that is not finite', () => {
    const data = JSON.parse('{"initialBalanceAmount": 1e999}') as Record<string, unknown>;

    expect(codes(validTransaction(data))).toEqual([
      {
        errorCode: 'err.transactionInitialBalanceAmountInvalid',
        fieldName: 'initialBalanceAmount',
      },
    ]);
  });

  it('V-3 refuses merchantInfo and metaInfo that are not JSON-encoded strings', () => {
    const data = validTransaction({
      merchantInfo: { merchantName: 'ComputerMARKT' },
      metaInfo: '{campaignCode: 1979}',
    });

    expect(problems(data)).toMatchObject([
      {
        fieldName: 'merchantInfo',
        errorCode: 'err.transactionMerchantInfoInvalid',
        errorValue: { merchantName: 'ComputerMARKT' },
      },
      {
        fieldName: 'metaInfo',
        errorCode: 'err.transactionMetaInfoInvalid',
        errorValue: '{campaignCode: 1979}',
      },
    ]);
  });

  it('V-4 refuses dates that are not YYYY-MM-DD calendar dates', () => {
    const data = validTransaction({ valueDate: '2022-1-3', postingDate: '2022-01-32' });

    expect(problems(data)).toMatchObject([
      {
        rule: 'V-4',
        fieldName: 'valueDate',
        errorCode: 'err.transactionValueDateInvalid',
        errorValue: '2022-1-3',
      },
      {
        rule: 'V-4',
        fieldName: 'postingDate',
        errorCode: 'err.transactionPostingDateInvalid',
        errorValue: '2022-01-32',
      },
    ]);
  });

  it('V-4 refuses a transactionDTime that is no ISO-8601 date-time', () => {
    expect(problems(validTransaction({ transactionDTime: '17.02.2023 10:52' }))).toMatchObject([
      {
        rule: 'V-4',
        fieldName: 'transactionDTime',
        errorCode: 'err.transactionTransactionDTimeInvalid',
        errorValue: '17.02.2023 10:52',
      },
    ]);
  });

  it('V-4 accepts a transactionDTime with an offset', () => {
    expect(problems(validTransaction({ transactionDTime: '2023-02-17T10:52:11+02:00' }))).toEqual(
      [],
    );
  });

  it('V-5 refuses a defective amount with one problem', () => {
    const amount = { amount: '1500', currencyCode: 'euro' };

    expect(problems(validTransaction({ amount }))).toMatchObject([
      {
        rule: 'V-5',
        fieldName: 'amount',
        errorCode: 'err.transactionAmountInvalid',
        errorValue: amount,
      },
    ]);
  });

  it('V-5 refuses an amount that is not finite (1e999)', () => {
    const data = JSON.parse('{"amount": {"amount": 1e999, "currencyCode": "EUR"}}') as Record<
      string,
      unknown
    >;

    expect(codes(validTransaction(data))).toEqual([
      { errorCode: 'err.transactionAmountInvalid', fieldName: 'amount' },
    ]);
  });

  it('V-5 accepts negative and fractional amounts', () => {
    expect(problems(validTransaction({ amount: { amount: -12.5, currencyCode: 'USD' } }))).toEqual(
      [],
    );
  });

  it('V-11 refuses a valueDate after the postingDate', () => {
    const data = validTransaction({ valueDate: '2022-01-04', postingDate: '2022-01-03' });

    expect(problems(data)).toEqual([
      {
        rule: 'V-11',
        fieldName: 'valueDate',
        errorCode: 'err.transactionValueDateAfterPostingDate',
        errorValue: '2022-01-04',
        errorMessage: 'valueDate 2022-01-04 must not be after postingDate 2022-01-03.',
      },
    ]);
  });

  it('V-11 accepts a valueDate on or before the postingDate', () => {
    expect(
      problems(validTransaction({ valueDate: '2021-12-31', postingDate: '2022-01-03' })),
    ).toEqual([]);
    expect(
      problems(validTransaction({ valueDate: '2022-01-03', postingDate: '2022-01-03' })),
    ).toEqual([]);
  });

  it('V-11 is not judged when a date is itself invalid', () => {
    expect(codes(validTransaction({ valueDate: '2022-01-04', postingDate: '2022-02-30' }))).toEqual(
      [{ errorCode: 'err.transactionPostingDateInvalid', fieldName: 'postingDate' }],
    );
  });

  it('V-13 refuses a transactionTypeCode outside the catalogue', () => {
    expect(problems(validTransaction({ transactionTypeCode: 'WIRE' }))).toMatchObject([
      {
        rule: 'V-13',
        fieldName: 'transactionTypeCode',
        errorCode: 'err.transactionTransactionTypeCodeInvalid',
        errorValue: 'WIRE',
      },
    ]);
  });

  it('V-13 accepts every catalogue code', () => {
    for (const transactionTypeCode of [
      'CARD_PUR',
      'SEPA_IN',
      'SEPA_OUT',
      'FEE',
      'INTEREST',
      'TRANSFER',
    ]) {
      expect(problems(validTransaction({ transactionTypeCode }))).toEqual([]);
    }
  });
});
