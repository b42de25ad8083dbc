/**
 * Data validation (reference section 8): every problem of every entity. Each entity is first
 * judged on its own fields, then across the file and the tenant: keys imported only once
 * (V-6, V-10) and references that resolve (V-7…V-9).
 */
import { DISPATCH_ORDER, type EntityType } from '../entity-types.js';
import type { ParsedEntity } from '../parsed-entity.js';
import type { ReferenceData } from '../reference-data.js';
import type { TenantView } from '../tenant-view.js';
import type { ValidationProblem } from '../validation-problem.js';
import { accountProblems } from './account-rules.js';
import { contractProblems } from './contract-rules.js';
import { existsProblem } from './key-rules.js';
import { personProblems } from './person-rules.js';
import { referenceProblem } from './reference-rules.js';
import { transactionProblems } from './transaction-rules.js';

export interface ValidationContext {
  readonly tenant: TenantView;
  /** Whether a valid entity of the same file counts as existing for V-7…V-9. */
  readonly sameFileReferences: boolean;
  readonly referenceData: ReferenceData;
}

type FieldRules = (
  data: Readonly<Record<string, unknown>>,
  referenceData: ReferenceData,
) => ValidationProblem[];

const FIELD_RULES: Readonly<Record<EntityType, FieldRules>> = {
  'PERSON.PERSON': personProblems,
  'ACCOUNT.ACCOUNT': accountProblems,
  'ACCOUNT.ACCOUNT_TRANSACTION': transactionProblems,
  'LOAN.CONTRACT': contractProblems,
};

interface Judgement {
  readonly entity: ParsedEntity;
  /** Whether this is the first entity of its type with this key in the file. */
  readonly firstCopy: boolean;
  readonly problems: ValidationProblem[];
}

/** For each entity (same index as the input), every problem found; [] when valid. */
export function validateEntities(
  entities: readonly ParsedEntity[],
  context: ValidationContext,
): ValidationProblem[][] {
  const seen = new Set<string>();
  const judgements: Judgement[] = entities.map((entity) => {
    const typedKey = `${entity.type}\u0000${entity.key}`;
    const firstCopy = !seen.has(typedKey);
    seen.add(typedKey);

    const exists = existsProblem(entity, firstCopy, context.tenant);
    const fields = FIELD_RULES[entity.type](entity.data, context.referenceData);
    return { entity, firstCopy, problems: exists === undefined ? fields : [exists, ...fields] };
  });

  // References are resolved in dependency order, so that with same-file references an entity
  // relies only on referenced ones whose own validity, references included, is known.
  const validInFile = new Map<EntityType, Set<string>>();
  const scope = {
    tenant: context.tenant,
    validInFile: context.sameFileReferences ? validInFile : undefined,
  };
  for (const type of DISPATCH_ORDER) {
    const valid = new Set<string>();
    for (const judgement of judgements) {
      if (judgement.entity.type !== type) continue;

      const problem = referenceProblem(judgement.entity, scope);
      if (problem !== undefined) judgement.problems.push(problem);
      if (judgement.firstCopy && judgement.problems.length === 0) valid.add(judgement.entity.key);
    }
    validInFile.set(type, valid);
  }
  return judgements.map((judgement) => judgement.problems);
}
