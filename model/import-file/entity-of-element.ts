import { BARE_ARRAY_TYPING_ORDER, ENTITY_TYPE_INFO, type EntityType } from '../entity-types.js';
import type { ParsedEntity } from '../parsed-entity.js';
import { describeValue, isRecord, ownValue } from '../validation/json-values.js';

/**
 * The entity an element of the file holds, or the reason why it holds none. An element of a
 * collection has the collection's type (`type`); an element of a bare array (`null`) is
 * typed by the first key field it carries, whatever that field's value.
 */
export function entityOfElement(
  type: EntityType | null,
  element: unknown,
  where: string,
): ParsedEntity | string {
  if (!isRecord(element)) {
    return `${where}: each element must be an object; got ${describeValue(element)}`;
  }

  const typed =
    type ??
    BARE_ARRAY_TYPING_ORDER.find((candidate) =>
      Object.hasOwn(element, ENTITY_TYPE_INFO[candidate].keyField),
    );
  if (typed === undefined) {
    const keyFields = BARE_ARRAY_TYPING_ORDER.map((t) => ENTITY_TYPE_INFO[t].keyField);
    return (
      `${where}: the element has none of the key fields ${keyFields.join(', ')}, ` +
      'so its entity type cannot be told'
    );
  }

  // A carried key field that is not a non-empty string is refused rather than skipped.
  const { keyField } = ENTITY_TYPE_INFO[typed];
  const key = ownValue(element, keyField);
  if (typeof key !== 'string' || key === '') {
    return `${where}: ${keyField} must be a non-empty string; got ${describeValue(key)}`;
  }
  return { type: typed, key, data: element };
}
