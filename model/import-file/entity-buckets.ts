import { DISPATCH_ORDER, ENTITY_TYPE_INFO, type EntityType } from '../entity-types.js';
import type { EntityRecord } from '../entity-record.js';
import type { ReadLimits } from './read-limits.js';

/** A collection of an object-shaped file, or the one bare top-level array. */
export type BucketName = EntityType | 'bare';

interface Bucket {
  entities: EntityRecord[];
  /** Why an element of it is not an entity (or the collection not an array). */
  structure: string | null;
  /** Why an entity of it breaks a shape limit. */
  shape: string | null;
  count: number;
  reportBytes: number;
}

const BUCKET_ORDER: readonly BucketName[] = ['bare', ...DISPATCH_ORDER];

/**
 * The entities read so far, grouped as the file groups them, with the first problem of each
 * group. Problems are kept per group so that the reason a file is refused does not depend on
 * the order of its collections: the first group in dispatch order wins, as when the whole
 * file is judged at once. A repeated collection replaces the earlier one, as in `JSON.parse`.
 */
export class EntityBuckets {
  readonly #limits: ReadLimits;
  readonly #buckets = new Map<BucketName, Bucket>();

  constructor(limits: ReadLimits) {
    this.#limits = limits;
  }

  /** Entities of every group, kept or only counted. */
  get count(): number {
    let total = 0;
    for (const bucket of this.#buckets.values()) total += bucket.count;
    return total;
  }

  /** A collection starts: a known one is (re)started empty; others are not kept. */
  open(key: string): void {
    const type = DISPATCH_ORDER.find((candidate) => ENTITY_TYPE_INFO[candidate].collection === key);
    if (type !== undefined) this.#buckets.set(type, emptyBucket());
  }

  /** Whether elements of the group are still judged (its structure holds so far). */
  accepts(name: BucketName): boolean {
    return this.#bucket(name).structure === null;
  }

  /** Whether records are still worth keeping: nothing so far refuses the file. */
  keeps(): boolean {
    let reportBytes = 0;
    for (const bucket of this.#buckets.values()) {
      if (bucket.structure !== null || bucket.shape !== null) return false;
      reportBytes += bucket.reportBytes;
    }
    return (
      this.count <= this.#limits.maxEntitiesPerFile &&
      reportBytes <= this.#limits.maxValidationReportBytes
    );
  }

  fail(name: BucketName, reason: string): void {
    const bucket = this.#bucket(name);
    bucket.structure ??= reason;
    bucket.entities = [];
  }

  failShape(name: BucketName, reason: string): void {
    const bucket = this.#bucket(name);
    bucket.shape ??= reason;
    bucket.count += 1;
  }

  countOnly(name: BucketName): void {
    this.#bucket(name).count += 1;
  }

  add(name: BucketName, record: EntityRecord, reportBytes: number): void {
    const bucket = this.#bucket(name);
    bucket.entities.push(record);
    bucket.count += 1;
    bucket.reportBytes += reportBytes;
  }

  /** Why the file is refused, or null when it may go on to data validation. */
  problem(): string | null {
    const buckets = BUCKET_ORDER.flatMap((name) => this.#buckets.get(name) ?? []);
    const structure = buckets.find((bucket) => bucket.structure !== null)?.structure;
    if (structure !== undefined && structure !== null) return structure;

    const count = this.count;
    if (count === 0) return 'the file holds no entity';
    const { maxEntitiesPerFile, maxValidationReportBytes } = this.#limits;
    if (count > maxEntitiesPerFile) {
      return (
        `the file holds ${count} entities; the simulator accepts at most ` +
        `${maxEntitiesPerFile} per file (limit maxEntitiesPerFile). Split it into batches`
      );
    }

    const shape = buckets.find((bucket) => bucket.shape !== null)?.shape;
    if (shape !== undefined && shape !== null) return shape;

    const reportBytes = buckets.reduce((sum, bucket) => sum + bucket.reportBytes, 0);
    if (reportBytes > maxValidationReportBytes) {
      return (
        `the entities' own fields would produce more than ${maxValidationReportBytes} ` +
        'bytes of validationErrors (limit maxValidationReportBytes; each error repeats the ' +
        "entity's key and source). Fix the problem the errors share, or split the file"
      );
    }
    return null;
  }

  /** Every entity kept, collections in dispatch order, each in file order. */
  entities(): EntityRecord[] {
    const lists = BUCKET_ORDER.map((name) => this.#buckets.get(name)?.entities ?? []);
    const nonEmpty = lists.filter((list) => list.length > 0);
    return nonEmpty.length === 1 ? (nonEmpty[0] ?? []) : nonEmpty.flat();
  }

  #bucket(name: BucketName): Bucket {
    let bucket = this.#buckets.get(name);
    if (bucket === undefined) {
      bucket = emptyBucket();
      this.#buckets.set(name, bucket);
    }
    return bucket;
  }
}

function emptyBucket(): Bucket {
  return { entities: [], structure: null, shape: null, count: 0, reportBytes: 0 };
}
