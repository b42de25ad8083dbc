/**
 * Technical validation (reference section 7), as the bytes of an upload arrive: can the file
 * be read as an import file, and does it keep the simulator's limits? Each element is parsed
 * on its own, judged on its own fields and kept as a compact record, so a file of millions of
 * entities never exists as one string or one object tree.
 *
 * A failure carries one sentence naming where it failed; the process then ends in `ERROR`.
 * When a file has several, the reason given is the same whatever the chunk sizes: bytes that
 * are not UTF-8 first, then JSON syntax, then the file's structure (collections in dispatch
 * order), then an empty file, then the limits.
 */
import { ENTITY_TYPE_INFO, typeOfCollection, type EntityType } from '../entity-types.js';
import { toEntityRecord, type EntityRecord } from '../entity-record.js';
import type { ReferenceData } from '../reference-data.js';
import { describeValue } from '../validation/json-values.js';
import { EntityBuckets, type BucketName } from './entity-buckets.js';
import { entityOfElement } from './entity-of-element.js';
import { measureShape } from './json-measure.js';
import { JsonSplitter, SplitError, type SplitValue } from './json-splitter.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.js';
import { reportBytesOf } from './report-bytes.js';
import { Utf8Check } from './utf8-check.js';

export type ReadResult =
  | { readonly ok: true; readonly entities: EntityRecord[] }
  | { readonly ok: false; readonly reason: string };

export interface ReadOptions {
  readonly referenceData: ReferenceData;
  readonly limits?: ReadLimits | undefined;
}

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];
/** Distinct strings remembered for sharing; past this, new ones are kept as they are. */
const SHARED_STRINGS = 1 << 18;

/** Reads an import file pushed in chunks of any size; `end()` gives the outcome. */
export class ImportFileReader {
  readonly #options: { readonly referenceData: ReferenceData; readonly limits: ReadLimits };
  readonly #utf8 = new Utf8Check();
  readonly #splitter: JsonSplitter;
  readonly #buckets: EntityBuckets;
  #bytes = 0;
  /** The first bytes, held until it is known whether they are a byte order mark. */
  #head: Buffer | null = Buffer.alloc(0);
  #syntax: string | null = null;
  readonly #pool = new Map<string, string>();
  /** One copy of each repeated string, up to a bound so that distinct ones cost little. */
  readonly #share = (text: string): string => {
    const shared = this.#pool.get(text);
    if (shared !== undefined) return shared;
    if (this.#pool.size < SHARED_STRINGS) this.#pool.set(text, text);
    return text;
  };
  #topLevel: string | null = null;

  constructor(options: ReadOptions) {
    this.#options = {
      referenceData: options.referenceData,
      limits: options.limits ?? DEFAULT_READ_LIMITS,
    };
    this.#buckets = new EntityBuckets(this.#options.limits);
    this.#splitter = new JsonSplitter({
      collectionStart: (key) => this.#buckets.open(key),
      element: (key, index, value) => this.#element(key, index, value),
      member: (key, value) => this.#member(key, value),
      scalar: (text) => this.#scalar(text),
    });
  }

  /** Bytes read so far. */
  get bytesRead(): number {
    return this.#bytes;
  }

  /** Entities read so far. */
  get entitiesRead(): number {
    return this.#buckets.count;
  }

  push(input: Uint8Array): void {
    if (input.byteLength === 0) return;
    // Step 1: a leading UTF-8 byte order mark says how the text is encoded and is not JSON.
    let chunk = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    this.#bytes += chunk.length;
    if (this.#head !== null) {
      const head = Buffer.concat([this.#head, chunk]);
      if (head.length < BYTE_ORDER_MARK.length && isMarkPrefix(head)) {
        this.#head = head;
        return;
      }
      this.#head = null;
      const marked = head.length >= BYTE_ORDER_MARK.length && isMarkPrefix(head);
      chunk = marked ? head.subarray(BYTE_ORDER_MARK.length) : head;
    }
    this.#feed(chunk);
  }

  end(): ReadResult {
    // Step 1: the whole file must have been UTF-8 JSON.
    if (this.#bytes === 0) return refuse('the file is empty');
    // A file shorter than a byte order mark that begins like one is read as it is.
    if (this.#head !== null) this.#feed(this.#head);
    this.#head = null;
    if (this.#syntax === null) {
      try {
        this.#splitter.end();
      } catch (error) {
        this.#stop(error);
      }
    }
    if (!this.#utf8.end()) return refuse('the file is not valid UTF-8');
    if (this.#syntax !== null) return refuse(`the file is not valid JSON (${this.#syntax})`);

    // Step 2: its structure, its entities, its limits.
    if (this.#topLevel !== null) return refuse(this.#topLevel);
    const problem = this.#buckets.problem();
    if (problem !== null) return refuse(problem);
    return { ok: true, entities: this.#buckets.entities() };
  }

  /** The encoding is checked on every byte; the structure until it first fails. */
  #feed(chunk: Buffer): void {
    this.#utf8.push(chunk);
    if (this.#syntax !== null) return;
    try {
      this.#splitter.push(chunk);
    } catch (error) {
      this.#stop(error);
    }
  }

  #stop(error: unknown): void {
    // An element's own syntax error was recorded where it was found.
    if (error instanceof StopReading) return;
    if (!(error instanceof SplitError)) throw error;
    this.#syntax = `${error.message} at byte ${error.offset}`;
  }

  #element(key: string | null, index: number, value: SplitValue): void {
    const bucket: BucketName | undefined = key === null ? 'bare' : typeOfCollection(key);
    const where = key === null ? `[${index}]` : `${key}[${index}]`;

    // Step 1: the element's own syntax; an unknown collection is read only for that.
    let element: unknown;
    try {
      element = JSON.parse(value.text);
    } catch (error) {
      this.#syntax = `${where}, which starts at byte ${value.offset}: ${message(error)}`;
      throw new StopReading();
    }
    if (bucket === undefined || !this.#buckets.accepts(bucket)) return;

    // Step 2: an entity of a known type with a key, or the reason why not.
    const entity = entityOfElement(key === null ? null : (bucket as EntityType), element, where);
    if (typeof entity === 'string') {
      this.#buckets.fail(bucket, entity);
      return;
    }

    // Step 3: the limits on its shape, then the compact record, its own fields judged.
    const shape = this.#shapeProblem(entity.type, entity.key, element, value);
    if (shape !== null) {
      this.#buckets.failShape(bucket, shape);
      return;
    }
    if (!this.#buckets.keeps()) {
      this.#buckets.countOnly(bucket);
      return;
    }
    const record = toEntityRecord(entity, this.#options.referenceData, this.#share);
    this.#buckets.add(bucket, record, reportBytesOf(record));
  }

  #member(key: string, value: SplitValue): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value.text);
    } catch (error) {
      this.#syntax = `the value of "${key}", which starts at byte ${value.offset}: ${message(error)}`;
      throw new StopReading();
    }
    // A collection holding anything but an array is refused; other members are ignored.
    const type = typeOfCollection(key);
    if (type !== undefined) {
      this.#buckets.open(key);
      this.#buckets.fail(type, `${key} must be an array; got ${describeValue(parsed)}`);
    }
  }

  #scalar(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.#syntax = message(error);
      return;
    }
    this.#topLevel = `the top level must be an object or an array; got ${describeValue(parsed)}`;
  }

  #shapeProblem(type: EntityType, key: string, element: unknown, value: SplitValue): string | null {
    const { maxNestingDepth, maxValuesPerEntity } = this.#options.limits;
    if (value.depth > maxNestingDepth) {
      return (
        `${entityName(type, key)} nests objects and arrays more than ${maxNestingDepth} levels deep ` +
        '(limit maxNestingDepth). Flatten the entity'
      );
    }
    // Every value takes at least one character, so a short entity cannot hold too many.
    if (value.text.length <= maxValuesPerEntity) return null;
    const shape = measureShape(element, maxNestingDepth, maxValuesPerEntity);
    if (shape.values <= maxValuesPerEntity) return null;
    return (
      `${entityName(type, key)} holds more than ${maxValuesPerEntity} JSON values (limit ` +
      'maxValuesPerEntity). Check the extract for a runaway list'
    );
  }
}

/** Reads a whole file held in memory. */
export function readImportFile(content: Uint8Array, options: ReadOptions): ReadResult {
  const reader = new ImportFileReader(options);
  reader.push(content);
  return reader.end();
}

function entityName(type: EntityType, key: string): string {
  return `the ${type} entity with ${ENTITY_TYPE_INFO[type].keyField} ${describeValue(key)}`;
}

/** Thrown inside the splitter's listener to stop reading at an element's syntax error. */
class StopReading extends Error {}

/** Whether the bytes begin like a byte order mark (as far as they go). */
function isMarkPrefix(bytes: Buffer): boolean {
  const length = Math.min(bytes.length, BYTE_ORDER_MARK.length);
  for (let i = 0; i < length; i += 1) if (bytes[i] !== BYTE_ORDER_MARK[i]) return false;
  return length > 0;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function refuse(reason: string): ReadResult {
  return { ok: false, reason };
}
