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
import type { ValidationProblem } from '../validation-problem.js';
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

interface Judgement {
  readonly entity: EntityRecord;
  /** Whether this is the first entity of its type with this key in the file. */
  readonly firstCopy: boolean;
  readonly problems: ValidationProblem[];
}

/** For each entity (same index as the input), every problem found; [] when valid. */
export function validateEntities(
  entities: readonly ParsedEntity[],
  context: ValidationContext,
): ValidationProblem[][] {
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
): ValidationProblem[][] {
  // Step 1: keys, in file order: only the first copy of a key is judged on its merits.
  const seen = new Set<string>();
  const judgements: Judgement[] = entities.map((entity) => {
    const typedKey = `${entity.type}\u0000${entity.key}`;
    const firstCopy = !seen.has(typedKey);
    seen.add(typedKey);

    const exists = existsProblem(entity, firstCopy, context.tenant);
    const fields = entity.fieldProblems;
    if (exists === undefined && fields.length === 0) return { entity, firstCopy, problems: [] };
    return {
      entity,
      firstCopy,
      problems: exists === undefined ? [...fields] : [exists, ...fields],
    };
  });

  // Step 2: references, in dependency order, so that with same-file references an entity
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
