import type { EntityRecord } from './entity-record.js';
import type { EntityType } from './entity-types.js';
import type { ImportEntity } from './import-process.js';
import type { EntityStatus } from './statuses.js';
import { NO_PROBLEMS, type ValidationProblem } from './validation-problem.js';

/** What changes of an entity as its process moves on. */
export type EntityState = Pick<
  ImportEntity,
  'status' | 'problems' | 'sends' | 'retrySends' | 'lastSend' | 'refusal'
>;

/**
 * An entity of a process: the record read from the file, shared by every state the entity
 * goes through, and the state itself. A transition copies only the state, so a process of
 * millions of entities moves on without copying what never changes.
 */
class TrackedEntity implements ImportEntity {
  readonly record: EntityRecord;
  readonly status: EntityStatus;
  readonly problems: readonly ValidationProblem[];
  readonly sends: number;
  readonly retrySends: number;
  readonly lastSend: 'acked' | 'nacked' | null;
  readonly refusal: string | null;

  constructor(record: EntityRecord, state: EntityState) {
    this.record = record;
    this.status = state.status;
    this.problems = state.problems.length === 0 ? NO_PROBLEMS : state.problems;
    this.sends = state.sends;
    this.retrySends = state.retrySends;
    this.lastSend = state.lastSend;
    this.refusal = state.refusal;
  }

  get type(): EntityType {
    return this.record.type;
  }

  get key(): string {
    return this.record.key;
  }

  get reference(): string | null {
    return this.record.reference;
  }

  get sourceJson(): string | null {
    return this.record.sourceJson;
  }

  get fieldProblems(): readonly ValidationProblem[] {
    return this.record.fieldProblems;
  }
}

/** A freshly read entity: pending, never sent. */
export function pendingEntity(record: EntityRecord): ImportEntity {
  return new TrackedEntity(record, {
    status: 'PENDING',
    problems: NO_PROBLEMS,
    sends: 0,
    retrySends: 0,
    lastSend: null,
    refusal: null,
  });
}

/** The entity with some of its state changed; the rest and its record stay as they are. */
export function withState(entity: ImportEntity, changes: Partial<EntityState>): ImportEntity {
  const record = entity instanceof TrackedEntity ? entity.record : entity;
  return new TrackedEntity(record, {
    status: changes.status ?? entity.status,
    problems: changes.problems ?? entity.problems,
    sends: changes.sends ?? entity.sends,
    retrySends: changes.retrySends ?? entity.retrySends,
    lastSend: changes.lastSend === undefined ? entity.lastSend : changes.lastSend,
    refusal: changes.refusal === undefined ? entity.refusal : changes.refusal,
  });
}
