import type { EntityRecord } from '../entity-record.js';
import { jsonLength } from './json-measure.js';

/** The JSON of one `validationErrors` item with every variable part empty, plus its comma. */
const ITEM_OVERHEAD =
  JSON.stringify({
    source: { sourceName: '', sourceRef: '', sourceLink: null },
    fieldName: '',
    errorCode: '',
    errorValue: null,
    errorMessage: '',
    originalSource: null,
  }).length -
  // sourceRef, fieldName, errorValue, errorMessage and originalSource are counted with
  // their quotes (or null) one by one; sourceName and errorCode without.
  (2 + 2 + 4 + 2 + 4) +
  1;

/** Values longer than this are counted only this far: the report is over any limit anyway. */
const COUNT_VALUES_UP_TO = 1 << 30;

/**
 * The bytes of `validationErrors` that the entity's own field problems render as: each
 * item echoes the entity's type, key and `source`. Rules that depend on the tenant or on
 * other entities (V-6…V-10) add at most two items per entity, judged when validation runs.
 */
export function reportBytesOf(record: EntityRecord): number {
  if (record.fieldProblems.length === 0) return 0;
  const echoed = record.type.length + jsonLength(record.key) + (record.sourceJson?.length ?? 4);
  let total = 0;
  for (const problem of record.fieldProblems) {
    total +=
      ITEM_OVERHEAD +
      echoed +
      jsonLength(problem.fieldName) +
      problem.errorCode.length +
      jsonLength(problem.errorValue, COUNT_VALUES_UP_TO) +
      jsonLength(problem.errorMessage);
  }
  return total;
}
