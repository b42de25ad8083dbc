import { DISPATCH_ORDER, typeOfCollection, type EntityType } from '../entity-types.js';
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
  /** Totals over the groups, kept as they change: every element asks for them. */
  #count = 0;
  #reportBytes = 0;
  #groupsWithProblems = 0;

  constructor(limits: ReadLimits) {
    this.#limits = limits;
  }

  /** Entities of every group, kept or only counted. */
  get count(): number {
    return this.#count;
  }

  /** A collection starts: a known one is (re)started empty; others are not kept. */
  open(key: string): void {
    const type = typeOfCollection(key);
    if (type === undefined) return;
    const replaced = this.#buckets.get(type);
    if (replaced !== undefined) {
      this.#count -= replaced.count;
      this.#reportBytes -= replaced.reportBytes;
      if (hasProblem(replaced)) this.#groupsWithProblems -= 1;
    }
    this.#buckets.set(type, emptyBucket());
  }

  /** Whether elements of the group are still judged (its structure holds so far). */
  accepts(name: BucketName): boolean {
    return this.#bucket(name).structure === null;
  }

  /** Whether records are still worth keeping: nothing so far refuses the file. */
  keeps(): boolean {
    return (
      this.#groupsWithProblems === 0 &&
      this.#count <= this.#limits.maxEntitiesPerFile &&
      this.#reportBytes <= this.#limits.maxValidationReportBytes
    );
  }

  fail(name: BucketName, reason: string): void {
    const bucket = this.#bucket(name);
    if (!hasProblem(bucket)) this.#groupsWithProblems += 1;
    bucket.structure ??= reason;
    bucket.entities = [];
  }

  failShape(name: BucketName, reason: string): void {
    const bucket = this.#bucket(name);
    if (!hasProblem(bucket)) this.#groupsWithProblems += 1;
    bucket.shape ??= reason;
    this.#countIn(bucket, 0);
  }

  countOnly(name: BucketName): void {
    this.#countIn(this.#bucket(name), 0);
  }

  add(name: BucketName, record: EntityRecord, reportBytes: number): void {
    const bucket = this.#bucket(name);
    bucket.entities.push(record);
    this.#countIn(bucket, reportBytes);
  }

  #countIn(bucket: Bucket, reportBytes: number): void {
    bucket.count += 1;
    bucket.reportBytes += reportBytes;
    this.#count += 1;
    this.#reportBytes += reportBytes;
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

    if (this.#reportBytes > maxValidationReportBytes) {
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

function hasProblem(bucket: Bucket): boolean {
  return bucket.structure !== null || bucket.shape !== null;
}

function emptyBucket(): Bucket {
  return { entities: [], structure: null, shape: null, count: 0, reportBytes: 0 };
}
