/**
 * Technical validation (reference section 7): can the upload be read as an import file?
 * A failure carries one sentence naming where it failed; the process then ends in `ERROR`.
 */
import {
  BARE_ARRAY_TYPING_ORDER,
  DISPATCH_ORDER,
  ENTITY_TYPE_INFO,
  type EntityType,
} from './entity-types.js';
import type { ParsedEntity } from './parsed-entity.js';
import { describeValue, isRecord, ownValue } from './validation/json-values.js';

export type ParseResult = { ok: true; entities: ParsedEntity[] } | { ok: false; reason: string };

/** Reads the bytes of an upload: UTF-8 JSON holding at least one entity. */
export function parseImportFile(content: Uint8Array): ParseResult {
  if (content.length === 0) return refuse('the file is empty');

  let text: string;
  try {
    // The decoder drops a leading UTF-8 byte order mark, so a file saved with one is
    // accepted: the mark says how the text is encoded and is not part of the JSON.
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return refuse('the file is not valid UTF-8');
  }

  let document: unknown;
  try {
    // JSON.parse keeps a `__proto__` key as an own data property; it never sets a prototype.
    document = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return refuse(`the file is not valid JSON${detail}`);
  }
  return extractEntities(document);
}

/** Extracts the entities of an already-parsed import file, in file order. */
export function extractEntities(document: unknown): ParseResult {
  if (Array.isArray(document)) return fromBareArray(document);
  if (isRecord(document)) return fromCollections(document);
  return refuse(`the top level must be an object or an array; got ${describeValue(document)}`);
}

function fromCollections(document: Readonly<Record<string, unknown>>): ParseResult {
  const entities: ParsedEntity[] = [];
  for (const type of DISPATCH_ORDER) {
    const { collection } = ENTITY_TYPE_INFO[type];
    if (!Object.hasOwn(document, collection)) continue;

    const elements = document[collection];
    if (!Array.isArray(elements)) {
      return refuse(`${collection} must be an array; got ${describeValue(elements)}`);
    }
    for (const [index, element] of elements.entries()) {
      const entity = toEntity(type, element, `${collection}[${index}]`);
      if (typeof entity === 'string') return refuse(entity);
      entities.push(entity);
    }
  }
  return withEntities(entities);
}

function fromBareArray(elements: readonly unknown[]): ParseResult {
  const entities: ParsedEntity[] = [];
  for (const [index, element] of elements.entries()) {
    const where = `[${index}]`;
    if (!isRecord(element)) return refuse(notAnObject(where, element));

    // An element is typed by the first key field it carries, whatever that field's value;
    // a carried key field that is not a non-empty string is refused rather than skipped.
    const type = BARE_ARRAY_TYPING_ORDER.find((candidate) =>
      Object.hasOwn(element, ENTITY_TYPE_INFO[candidate].keyField),
    );
    if (type === undefined) {
      const keyFields = BARE_ARRAY_TYPING_ORDER.map((t) => ENTITY_TYPE_INFO[t].keyField);
      return refuse(
        `${where}: the element has none of the key fields ${keyFields.join(', ')}, ` +
          'so its entity type cannot be told',
      );
    }

    const entity = toEntity(type, element, where);
    if (typeof entity === 'string') return refuse(entity);
    entities.push(entity);
  }
  return withEntities(entities);
}

/** The entity, or the reason why the element cannot be one. */
function toEntity(type: EntityType, element: unknown, where: string): ParsedEntity | string {
  if (!isRecord(element)) return notAnObject(where, element);

  const { keyField } = ENTITY_TYPE_INFO[type];
  const key = ownValue(element, keyField);
  if (typeof key !== 'string' || key === '') {
    return `${where}: ${keyField} must be a non-empty string; got ${describeValue(key)}`;
  }
  return { type, key, data: element };
}

function notAnObject(where: string, element: unknown): string {
  return `${where}: each element must be an object; got ${describeValue(element)}`;
}

function withEntities(entities: ParsedEntity[]): ParseResult {
  if (entities.length === 0) return refuse('the file holds no entity');
  return { ok: true, entities };
}

function refuse(reason: string): ParseResult {
  return { ok: false, reason };
}
