/**
 * Code catalogues that data validation checks against (V-1, V-13). A user can replace them
 * with their own tenant's lists through a reference-data file; these are the defaults.
 */
export interface ReferenceData {
  /** `customerTypeCode` of a person (V-1). */
  readonly customerTypeCodes: readonly string[];
  /** `transactionTypeCode` of a transaction (V-13). */
  readonly transactionTypeCodes: readonly string[];
  /** `accountTypeCode` of an account (V-13). */
  readonly accountTypeCodes: readonly string[];
  /** `statusCode` of an account (V-13). */
  readonly accountStatusCodes: readonly string[];
  /** `components[].componentTypeCode` of a loan contract (V-13). */
  readonly componentTypeCodes: readonly string[];
}

export const DEFAULT_REFERENCE_DATA: ReferenceData = {
  customerTypeCodes: ['PRIVATE', 'BUSINESS', 'STAFF'],
  transactionTypeCodes: ['CARD_PUR', 'SEPA_IN', 'SEPA_OUT', 'FEE', 'INTEREST', 'TRANSFER'],
  accountTypeCodes: ['CURRENCY', 'INTERNAL', 'SAVING', 'SHADOW', 'VIRTUAL'],
  accountStatusCodes: ['ACTIVE', 'BLOCKED', 'CLOSED'],
  componentTypeCodes: ['PRI', 'INT', 'PRI_P', 'ALIM'],
};

export const REFERENCE_DATA_FIELDS = Object.keys(DEFAULT_REFERENCE_DATA) as Array<
  keyof ReferenceData
>;
