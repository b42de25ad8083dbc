/** The `err.*` codes of data validation (reference section 8). */

export type RuleId =
  | 'V-1'
  | 'V-2'
  | 'V-3'
  | 'V-4'
  | 'V-5'
  | 'V-6'
  | 'V-7'
  | 'V-8'
  | 'V-9'
  | 'V-10'
  | 'V-11'
  | 'V-12'
  | 'V-13';

export type FieldProblem = 'Missing' | 'Invalid';

/** `err.<prefix><Field><Problem>`, the field being the leaf JSON name (`countryCode`). */
export function fieldCode(prefix: string, leaf: string, problem: FieldProblem): string {
  return `err.${prefix}${leaf.charAt(0).toUpperCase()}${leaf.slice(1)}${problem}`;
}

/** V-6 and V-10: `err.personExists`, `err.accountExists`, … */
export function existsCode(prefix: string): string {
  return `err.${prefix}Exists`;
}

export const CUSTOMER_TYPE_INVALID = 'err.personCustomerTypeInvalid';
/** V-1 reports this field name, not the JSON field `customerTypeCode` (as documented). */
export const CUSTOMER_TYPE_FIELD_NAME = 'customerType';
export const ID_NUMBER_ONE_PRIMARY_REQUIRED = 'err.idNumberOnePrimaryRequired';
export const ADDRESS_REGISTRATION_AT_LEAST_ONE_REQUIRED =
  'err.addressRegistrationAtLeastOneRequired';
export const ACCOUNT_PERSON_NOT_FOUND = 'err.accountPersonNotFound';
export const TRANSACTION_ACCOUNT_NOT_FOUND = 'err.transactionAccountNotFound';
export const CONTRACT_PERSON_NOT_FOUND = 'err.contractPersonNotFound';
export const TRANSACTION_VALUE_DATE_AFTER_POSTING_DATE = 'err.transactionValueDateAfterPostingDate';
