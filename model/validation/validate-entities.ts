/**
 * Data validation (reference section 8): every problem of every entity. Each entity's own
 * fields were judged as the file was read; here it is judged across the file and the tenant:
 * keys imported only once (V-6, V-10) and references that resolve (V-7…V-9).
 */
import { DISPATCH_ORDER, type EntityType } from '../entity-types.js';
import { toEntityRecord, type EntityRecord } from '../entity-record.js';
import type { ParsedEntity } from '../parsed-entity.js';
import type { ReferenceData } from '../reference-data.js';
import type { TenantView } from '../tenant-view.js';
import { NO_PROBLEMS, type ValidationProblem } from '../validation-problem.js';
import { existsProblem } from './key-rules.js';
import { referenceProblem } from './reference-rules.js';

export interface JudgeContext {
  readonly tenant: TenantView;
  /** Whether a valid entity of the same file counts as existing for V-7…V-9. */
  readonly sameFileReferences: boolean;
}

export interface ValidationContext extends JudgeContext {
  readonly referenceData: ReferenceData;
}

/** For each entity (same index as the input), every problem found; [] when valid. */
export function validateEntities(
  entities: readonly ParsedEntity[],
  context: ValidationContext,
): (readonly ValidationProblem[])[] {
  const records = entities.map((entity) => toEntityRecord(entity, context.referenceData));
  return judgeEntities(records, context);
}

/**
 * For each record (same index as the input), its field problems and the problems found
 * across the file and the tenant, in that order; [] when valid.
 */
export function judgeEntities(
  entities: readonly EntityRecord[],
  context: JudgeContext,
): (readonly ValidationProblem[])[] {
  // An entity without problems keeps its shared empty field-problem list: a file of millions
  // allocates per problem, not per entity.
  const problems = new Array<readonly ValidationProblem[]>(entities.length);
  const firstCopies = new Uint8Array(entities.length);

  // Step 1: keys, in file order: only the first copy of a key is judged on its merits.
  const seen = new Map<EntityType, Set<string>>(DISPATCH_ORDER.map((type) => [type, new Set()]));
  entities.forEach((entity, index) => {
    const keys = seen.get(entity.type);
    const firstCopy = keys?.has(entity.key) !== true;
    keys?.add(entity.key);
    firstCopies[index] = firstCopy ? 1 : 0;

    const exists = existsProblem(entity, firstCopy, context.tenant);
    const fields = entity.fieldProblems;
    problems[index] = exists === undefined ? fields : [exists, ...fields];
  });
  seen.clear();

  // Step 2: references, in dependency order, so that with same-file references an entity
  // relies only on referenced ones whose own validity, references included, is known.
  const validInFile = new Map<EntityType, Set<string>>();
  const scope = {
    tenant: context.tenant,
    validInFile: context.sameFileReferences ? validInFile : undefined,
  };
  for (const type of DISPATCH_ORDER) {
    const valid = new Set<string>();
    entities.forEach((entity, index) => {
      if (entity.type !== type) return;

      const problem = referenceProblem(entity, scope);
      if (problem !== undefined) {
        problems[index] = [...(problems[index] ?? NO_PROBLEMS), problem];
      }
      if (firstCopies[index] === 1 && problems[index]?.length === 0) valid.add(entity.key);
    });
    validInFile.set(type, valid);
  }
  return problems;
}
