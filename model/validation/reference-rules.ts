/**
 * V-7…V-9: the entity an account, transaction or contract refers to exists. "Exists" means
 * created in the tenant, or, with same-file references, valid in the same file.
 */
import type { EntityType } from '../entity-types.js';
import type { TenantView } from '../tenant-view.js';
import type { ValidationProblem } from '../validation-problem.js';
import { describeValue } from './json-values.js';
import {
  ACCOUNT_PERSON_NOT_FOUND,
  CONTRACT_PERSON_NOT_FOUND,
  TRANSACTION_ACCOUNT_NOT_FOUND,
  type RuleId,
} from './problem-codes.js';

interface Reference {
  readonly field: string;
  readonly target: EntityType;
  readonly targetName: string;
  readonly rule: RuleId;
  readonly errorCode: string;
}

const REFERENCES: Readonly<Partial<Record<EntityType, Reference>>> = {
  'ACCOUNT.ACCOUNT': {
    field: 'externalPersonId',
    target: 'PERSON.PERSON',
    targetName: 'person',
    rule: 'V-7',
    errorCode: ACCOUNT_PERSON_NOT_FOUND,
  },
  'ACCOUNT.ACCOUNT_TRANSACTION': {
    field: 'externalAccountId',
    target: 'ACCOUNT.ACCOUNT',
    targetName: 'account',
    rule: 'V-8',
    errorCode: TRANSACTION_ACCOUNT_NOT_FOUND,
  },
  'LOAN.CONTRACT': {
    field: 'externalPersonId',
    target: 'PERSON.PERSON',
    targetName: 'person',
    rule: 'V-9',
    errorCode: CONTRACT_PERSON_NOT_FOUND,
  },
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
  const reference = REFERENCES[entity.type];
  if (reference === undefined) return undefined;

  const value = entity.reference;
  if (value === null) return undefined;
  if (scope.tenant.has(reference.target, value)) return undefined;
  if (scope.validInFile?.get(reference.target)?.has(value) === true) return undefined;

  const where =
    scope.validInFile === undefined
      ? 'in the tenant'
      : 'in the tenant nor as a valid entity of this file';
  return {
    rule: reference.rule,
    fieldName: reference.field,
    errorCode: reference.errorCode,
    errorValue: value,
    errorMessage: `${reference.field} ${describeValue(value)} names no ${reference.targetName} ${where}.`,
  };
}
