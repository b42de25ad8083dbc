import { ROW_ORDER, type EntityType } from '../model/entity-types.js';
import type { FileVerdict } from './validate-file.js';

/** Entities of one type in a file, and how many of them are valid. */
export interface TypeSummary {
  readonly type: EntityType;
  readonly entities: number;
  readonly valid: number;
  readonly invalid: number;
}

/** The counts of a judged file, each type in the documented row order. */
export interface FileSummary {
  readonly entities: number;
  readonly valid: number;
  readonly invalid: number;
  readonly problems: number;
  readonly types: readonly TypeSummary[];
}

type JudgedFile = Exclude<FileVerdict, { status: 'ERROR' }>;

/** Counts the entities and problems of a file that reached data validation. */
export function summariseFile(verdict: JudgedFile): FileSummary {
  const counts = new Map<EntityType, { entities: number; invalid: number }>(
    ROW_ORDER.map((type) => [type, { entities: 0, invalid: 0 }]),
  );
  let problems = 0;
  verdict.entities.forEach((entity, index) => {
    const found = verdict.problems[index]?.length ?? 0;
    const count = counts.get(entity.type);
    if (count === undefined) return;
    count.entities += 1;
    if (found > 0) count.invalid += 1;
    problems += found;
  });

  const types = ROW_ORDER.map((type): TypeSummary => {
    const { entities, invalid } = counts.get(type) ?? { entities: 0, invalid: 0 };
    return { type, entities, valid: entities - invalid, invalid };
  });
  const invalid = types.reduce((sum, row) => sum + row.invalid, 0);
  const entities = verdict.entities.length;
  return { entities, valid: entities - invalid, invalid, problems, types };
}
