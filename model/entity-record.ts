import { ENTITY_REFERENCES } from './entity-reference.js';
import type { EntityType } from './entity-types.js';
import type { ParsedEntity } from './parsed-entity.js';
import type { ReferenceData } from './reference-data.js';
import { fieldProblems } from './validation/field-problems.js';
import { isRecord, ownValue } from './validation/json-values.js';
import { NO_PROBLEMS, type ValidationProblem } from './validation-problem.js';

/**
 * What an import process keeps of one entity of its file: enough to judge it against the
 * tenant and the rest of the file, to dispatch it and to report it, but not the entity's
 * data. Its own fields are judged as the file is read, while the data is at hand.
 */
export interface EntityRecord {
  readonly type: EntityType;
  /** The value of the type's key field: always a non-empty string. */
  readonly key: string;
  /** The key the entity refers to (person or account), when that field holds one. */
  readonly reference: string | null;
  /** The entity's own `source` object as JSON text, echoed as `originalSource`; or null. */
  readonly sourceJson: string | null;
  /** Problems of the entity's own fields (V-1…V-5, V-11…V-13). */
  readonly fieldProblems: readonly ValidationProblem[];
}

/**
 * The record of an entity read from a file, its own fields judged. Strings that many entities
 * share (the same `source`, the same referenced account) go through `share`, so that a file
 * of millions keeps one copy of each.
 */
export function toEntityRecord(
  entity: ParsedEntity,
  referenceData: ReferenceData,
  share: (text: string) => string = (text) => text,
): EntityRecord {
  const field = ENTITY_REFERENCES[entity.type]?.field;
  const referenced = field === undefined ? undefined : ownValue(entity.data, field);
  const source = ownValue(entity.data, 'source');
  const problems = fieldProblems(entity.type, entity.data, referenceData);
  return {
    type: entity.type,
    key: entity.key,
    reference: typeof referenced === 'string' && referenced !== '' ? share(referenced) : null,
    sourceJson: isRecord(source) ? share(JSON.stringify(source)) : null,
    fieldProblems: problems.length === 0 ? NO_PROBLEMS : problems,
  };
}
