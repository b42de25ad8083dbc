import { ROW_ORDER, type EntityType } from './entity-types.js';

/** One fresh id per entity type, for the rows of `validationStatus` or `dispatchStatus`. */
export function newRowIds(newId: () => string): Record<EntityType, string> {
  const ids = {} as Record<EntityType, string>;
  for (const type of ROW_ORDER) ids[type] = newId();
  return ids;
}
