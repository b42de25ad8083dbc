/**
 * Technical validation as the reference states it (section 7): can the upload be read as an
 * import file? Either the entities in file order, or why the process ends in `ERROR`.
 */
import { TYPE_FACTS, TYPES_IN_ORDER, type EntityType } from './oracle-state.js';

export interface FileEntity {
  readonly type: EntityType;
  readonly key: string;
  readonly data: Record<string, unknown>;
}

export type FileReading =
  | { readonly ok: true; readonly entities: readonly FileEntity[] }
  | { readonly ok: false; readonly reason: string };

/** A bare-array element is typed by the first key field it carries, in this order. */
const BARE_ARRAY_ORDER: readonly EntityType[] = [
  'ACCOUNT.ACCOUNT_TRANSACTION',
  'ACCOUNT.ACCOUNT',
  'LOAN.CONTRACT',
  'PERSON.PERSON',
];

/** H-1: the bytes of the one multipart part. */
export function readImportBytes(bytes: Uint8Array): FileReading {
  if (bytes.length === 0) return refused('the part is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refused('not valid UTF-8');
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return refused('not JSON');
  }
  return readImportDocument(document);
}

/** H-8, or a parsed H-1 file: collections of an object, or a bare array. */
export function readImportDocument(document: unknown): FileReading {
  const entities: FileEntity[] = [];

  // Step 1: a bare array types each element by its key field.
  if (Array.isArray(document)) {
    for (const element of document as unknown[]) {
      if (!isObject(element)) return refused('an element is not an object');
      const type = BARE_ARRAY_ORDER.find((t) => Object.hasOwn(element, TYPE_FACTS[t].key));
      if (type === undefined) return refused('an element has no key field to type it by');
      const entity = entityOf(type, element);
      if (entity === null) return refused('a key field is not a non-empty string');
      entities.push(entity);
    }
    return entities.length === 0 ? refused('no entity') : { ok: true, entities };
  }

  // Step 2: an object holds any of the four collections; other keys are ignored.
  if (!isObject(document)) return refused('the top level is neither an object nor an array');
  for (const type of TYPES_IN_ORDER) {
    const { collection } = TYPE_FACTS[type];
    if (!Object.hasOwn(document, collection)) continue;
    const elements = document[collection];
    if (!Array.isArray(elements)) return refused(`${collection} is not an array`);
    for (const element of elements as unknown[]) {
      if (!isObject(element)) return refused(`an element of ${collection} is not an object`);
      const entity = entityOf(type, element);
      if (entity === null) return refused(`a key of ${collection} is not a non-empty string`);
      entities.push(entity);
    }
  }
  return entities.length === 0 ? refused('no entity') : { ok: true, entities };
}

function entityOf(type: EntityType, element: Record<string, unknown>): FileEntity | null {
  const key = Object.hasOwn(element, TYPE_FACTS[type].key) ? element[TYPE_FACTS[type].key] : null;
  return typeof key === 'string' && key !== '' ? { type, key, data: element } : null;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refused(reason: string): FileReading {
  return { ok: false, reason };
}
