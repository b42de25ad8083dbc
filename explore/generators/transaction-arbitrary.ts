import fc from 'fast-check';
import {
  codeTextArbitrary,
  dateTimeArbitrary,
  jsonTextArbitrary,
  moneyArbitrary,
  orderedDatesArbitrary,
} from './simple-values.js';

/**
 * A valid ACCOUNT.ACCOUNT_TRANSACTION entity (examples/README.md) on the given account; its
 * value date is never after its posting date (V-11).
 */
export function transactionArbitrary(
  key: fc.Arbitrary<string> = fc.constant('T1'),
  account: fc.Arbitrary<string> = fc.constant('A1'),
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record(
      {
        externalAccountTransactionId: key,
        externalAccountId: account,
        groupId: codeTextArbitrary(),
        transactionTypeCode: fc.constantFrom(
          'CARD_PUR',
          'SEPA_IN',
          'SEPA_OUT',
          'FEE',
          'INTEREST',
          'TRANSFER',
        ),
        amount: moneyArbitrary(),
        initialBalanceAmount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
        dates: orderedDatesArbitrary(),
        merchantInfo: jsonTextArbitrary(),
        metaInfo: jsonTextArbitrary(),
        transactionDTime: dateTimeArbitrary(),
        details: fc.constantFrom('Card purchase', 'Salary', 'Fee'),
      },
      {
        requiredKeys: [
          'externalAccountTransactionId',
          'externalAccountId',
          'groupId',
          'transactionTypeCode',
          'amount',
          'initialBalanceAmount',
          'dates',
        ],
      },
    )
    .map(({ dates, ...transaction }) => ({
      ...transaction,
      valueDate: dates[0],
      postingDate: dates[1],
    }));
}
