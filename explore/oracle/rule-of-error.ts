/**
 * The data-validation rule behind an `err.*` code of a validation error (section 8), so that
 * a disagreement about an error names the rule it is about.
 */
const FIXED: Readonly<Record<string, string>> = {
  'err.personCustomerTypeInvalid': 'V-1',
  'err.idNumberOnePrimaryRequired': 'V-2',
  'err.personExists': 'V-6',
  'err.accountPersonNotFound': 'V-7',
  'err.transactionAccountNotFound': 'V-8',
  'err.contractPersonNotFound': 'V-9',
  'err.accountExists': 'V-10',
  'err.transactionExists': 'V-10',
  'err.contractExists': 'V-10',
  'err.transactionValueDateAfterPostingDate': 'V-11',
  'err.addressRegistrationAtLeastOneRequired': 'V-12',
};

const MONEY_FIELDS = ['amount', 'contractMoney', 'overdraftAmount'];
const CATALOGUE_FIELDS = ['accountTypeCode', 'transactionTypeCode', 'componentTypeCode'];

export function ruleOfError(code: string, field: string | null): string {
  const fixed = FIXED[code];
  if (fixed !== undefined) return fixed;
  if (code.endsWith('Missing')) return 'V-3';
  const leaf =
    (field ?? '')
      .split('.')
      .at(-1)
      ?.replace(/\[\d+\]$/, '') ?? '';
  if (/Date(Time)?$/.test(leaf)) return 'V-4';
  if (MONEY_FIELDS.includes(leaf)) return 'V-5';
  if (CATALOGUE_FIELDS.includes(leaf) || code === 'err.accountStatusCodeInvalid') return 'V-13';
  return 'V-3';
}
