import { defect, type EntityDefect } from './entity-defect.js';
import { shiftDate } from './simple-values.js';

type Data = Record<string, unknown>;

const transaction = (
  id: string,
  rule: string,
  code: string,
  field: string,
  change: (entity: Data) => void,
): EntityDefect => defect('ACCOUNT.ACCOUNT_TRANSACTION', id, rule, { code, field }, change);

/** Defects of a transaction, each breaking one of V-3…V-5, V-11 and V-13. */
export const TRANSACTION_DEFECTS: readonly EntityDefect[] = [
  transaction(
    'transaction-account-missing',
    'V-3',
    'err.transactionExternalAccountIdMissing',
    'externalAccountId',
    (e) => {
      delete e['externalAccountId'];
    },
  ),
  transaction('transaction-group-empty', 'V-3', 'err.transactionGroupIdMissing', 'groupId', (e) => {
    e['groupId'] = '';
  }),
  transaction(
    'transaction-type-unknown',
    'V-13',
    'err.transactionTransactionTypeCodeInvalid',
    'transactionTypeCode',
    (e) => {
      e['transactionTypeCode'] = 'XYZ';
    },
  ),
  transaction('transaction-amount-text', 'V-5', 'err.transactionAmountInvalid', 'amount', (e) => {
    e['amount'] = { amount: '12.50', currencyCode: 'EUR' };
  }),
  transaction(
    'transaction-amount-without-currency',
    'V-5',
    'err.transactionAmountInvalid',
    'amount',
    (e) => {
      e['amount'] = { amount: 12.5 };
    },
  ),
  transaction(
    'transaction-amount-missing',
    'V-3',
    'err.transactionAmountMissing',
    'amount',
    (e) => {
      delete e['amount'];
    },
  ),
  transaction(
    'transaction-balance-text',
    'V-3',
    'err.transactionInitialBalanceAmountInvalid',
    'initialBalanceAmount',
    (e) => {
      e['initialBalanceAmount'] = '2000';
    },
  ),
  transaction(
    'transaction-value-date-impossible',
    'V-4',
    'err.transactionValueDateInvalid',
    'valueDate',
    (e) => {
      e['valueDate'] = '2023-13-01';
    },
  ),
  transaction(
    'transaction-posting-date-missing',
    'V-3',
    'err.transactionPostingDateMissing',
    'postingDate',
    (e) => {
      delete e['postingDate'];
    },
  ),
  transaction(
    'transaction-value-date-after-posting',
    'V-11',
    'err.transactionValueDateAfterPostingDate',
    'valueDate',
    (e) => {
      e['valueDate'] = shiftDate(String(e['postingDate']), 1);
    },
  ),
  transaction(
    'transaction-merchant-info-object',
    'V-3',
    'err.transactionMerchantInfoInvalid',
    'merchantInfo',
    (e) => {
      e['merchantInfo'] = { merchantName: 'ComputerMARKT' };
    },
  ),
  // A number is JSON text once turned into a string; the field must be a string already.
  transaction(
    'transaction-meta-info-number',
    'V-3',
    'err.transactionMetaInfoInvalid',
    'metaInfo',
    (e) => {
      e['metaInfo'] = 1979;
    },
  ),
  transaction(
    'transaction-time-without-t',
    'V-4',
    'err.transactionTransactionDTimeInvalid',
    'transactionDTime',
    (e) => {
      e['transactionDTime'] = '2023-02-17 10:52';
    },
  ),
];
