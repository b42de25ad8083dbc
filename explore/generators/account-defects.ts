import { defect, itemsOf, type EntityDefect } from './entity-defect.js';

type Data = Record<string, unknown>;

const account = (
  id: string,
  rule: string,
  code: string,
  field: string,
  change: (entity: Data) => void,
): EntityDefect => defect('ACCOUNT.ACCOUNT', id, rule, { code, field }, change);

/** Defects of an account, each breaking one of V-3…V-5 and V-13. */
export const ACCOUNT_DEFECTS: readonly EntityDefect[] = [
  account(
    'account-person-missing',
    'V-3',
    'err.accountExternalPersonIdMissing',
    'externalPersonId',
    (e) => {
      delete e['externalPersonId'];
    },
  ),
  account('account-status-unknown', 'V-13', 'err.accountStatusCodeInvalid', 'statusCode', (e) => {
    e['statusCode'] = 'OPEN';
  }),
  account('account-status-not-text', 'V-3', 'err.accountStatusCodeInvalid', 'statusCode', (e) => {
    e['statusCode'] = 1;
  }),
  account(
    'account-type-unknown',
    'V-13',
    'err.accountAccountTypeCodeInvalid',
    'accountTypeCode',
    (e) => {
      e['accountTypeCode'] = 'LOAN';
    },
  ),
  account(
    'account-type-missing',
    'V-3',
    'err.accountAccountTypeCodeMissing',
    'accountTypeCode',
    (e) => {
      e['accountTypeCode'] = '';
    },
  ),
  account(
    'account-activation-date-missing',
    'V-3',
    'err.accountActivationDateMissing',
    'activationDate',
    (e) => {
      delete e['activationDate'];
    },
  ),
  account(
    'account-activation-date-format',
    'V-4',
    'err.accountActivationDateInvalid',
    'activationDate',
    (e) => {
      e['activationDate'] = '17.02.2023';
    },
  ),
  account(
    'account-currency-lower-case',
    'V-3',
    'err.accountCurrencyCodeInvalid',
    'currencyCode',
    (e) => {
      e['currencyCode'] = 'eur';
    },
  ),
  // An array of one code reads as the code once turned into text; it is still no string.
  account(
    'account-currency-in-array',
    'V-3',
    'err.accountCurrencyCodeInvalid',
    'currencyCode',
    (e) => {
      e['currencyCode'] = ['EUR'];
    },
  ),
  account(
    'account-overdraft-amount-text',
    'V-5',
    'err.accountOverdraftAmountInvalid',
    'overdraftAmount',
    (e) => {
      e['overdraftAmount'] = { amount: '1500', currencyCode: 'EUR' };
    },
  ),
  account(
    'account-limit-currency-four-letters',
    'V-5',
    'err.accountAmountInvalid',
    'limits[0].amount',
    (e) => {
      const limits = itemsOf(e, 'limits');
      e['limits'] = [
        { ...limits[0], amount: { amount: 100, currencyCode: 'EURO' } },
        ...limits.slice(1),
      ];
    },
  ),
];
