/**
 * V-7…V-9: the entity an account, transaction or contract refers to exists. "Exists" means
 * created in the tenant, or, with same-file references, valid in the same file.
 */
import { ENTITY_REFERENCES } from '../entity-reference.js';
import { ENTITY_TYPE_INFO, type EntityType } from '../entity-types.js';
import type { TenantView } from '../tenant-view.js';
import type { ValidationProblem } from '../validation-problem.js';
import { describeValue } from './json-values.js';
import {
  ACCOUNT_PERSON_NOT_FOUND,
  CONTRACT_PERSON_NOT_FOUND,
  TRANSACTION_ACCOUNT_NOT_FOUND,
  type RuleId,
} from './problem-codes.js';

/**
 * What each referring type's rule reports; the field and the type it refers to are those of
 * the entity's reference (entity-reference.ts).
 */
const RULES: Readonly<Partial<Record<EntityType, { rule: RuleId; errorCode: string }>>> = {
  'ACCOUNT.ACCOUNT': { rule: 'V-7', errorCode: ACCOUNT_PERSON_NOT_FOUND },
  'ACCOUNT.ACCOUNT_TRANSACTION': { rule: 'V-8', errorCode: TRANSACTION_ACCOUNT_NOT_FOUND },
  'LOAN.CONTRACT': { rule: 'V-9', errorCode: CONTRACT_PERSON_NOT_FOUND },
};

export interface ReferenceScope {
  readonly tenant: TenantView;
  /** Keys of the valid first copies in the file, per type; `undefined` when they don't count. */
  readonly validInFile: ReadonlyMap<EntityType, ReadonlySet<string>> | undefined;
}

/**
 * The problem of a reference that names nothing; undefined when it resolves, when the type
 * refers to nothing, or when the reference is not a non-empty string (V-3 has reported it).
 */
export function referenceProblem(
  entity: { readonly type: EntityType; readonly reference: string | null },
  scope: ReferenceScope,
): ValidationProblem | undefined {
  const reference = ENTITY_REFERENCES[entity.type];
  const rule = RULES[entity.type];
  if (reference === undefined || rule === undefined) return undefined;

  const value = entity.reference;
  if (value === null) return undefined;
  if (scope.tenant.has(reference.type, value)) return undefined;
  if (scope.validInFile?.get(reference.type)?.has(value) === true) return undefined;

  const name = ENTITY_TYPE_INFO[reference.type].codePrefix;
  const where =
    scope.validInFile === undefined
      ? 'in the tenant'
      : 'in the tenant nor as a valid entity of this file';
  return {
    rule: rule.rule,
    fieldName: reference.field,
    errorCode: rule.errorCode,
    errorValue: value,
    errorMessage: `${reference.field} ${describeValue(value)} names no ${name} ${where}.`,
  };
}
