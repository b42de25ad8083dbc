/**
 * V-6 (persons) and V-10 (accounts, transactions, contracts): a key is imported only once. It
 * must not be in the tenant yet, and only its first copy in a file is judged on its merits.
 */
import { ENTITY_TYPE_INFO } from '../entity-types.js';
import type { EntityType } from '../entity-types.js';
import type { TenantView } from '../tenant-view.js';
import type { ValidationProblem } from '../validation-problem.js';
import { describeValue } from './json-values.js';
import { existsCode } from './problem-codes.js';

/** The problem of a key already in the tenant or earlier in the file; undefined when new. */
export function existsProblem(
  entity: { readonly type: EntityType; readonly key: string },
  firstCopy: boolean,
  tenant: TenantView,
): ValidationProblem | undefined {
  const inTenant = tenant.has(entity.type, entity.key);
  if (firstCopy && !inTenant) return undefined;

  const { keyField, codePrefix } = ENTITY_TYPE_INFO[entity.type];
  const where = inTenant ? 'already exists in the tenant' : 'appears earlier in the file';
  return {
    rule: entity.type === 'PERSON.PERSON' ? 'V-6' : 'V-10',
    fieldName: keyField,
    errorCode: existsCode(codePrefix),
    errorValue: entity.key,
    errorMessage: `${keyField} ${describeValue(entity.key)} ${where}; ${article(codePrefix)} ${codePrefix} is imported only once.`,
  };
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}
