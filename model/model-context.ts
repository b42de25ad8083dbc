import type { FaultRule } from './fault-rule.js';
import type { ReadLimits } from './import-file/read-limits.js';
import type { ReferenceData } from './reference-data.js';
import type { ResolvedSemanticsOptions } from './semantics-options.js';
import type { CreatedEntity, TenantView } from './tenant-view.js';
import type { ImportProcess } from './import-process.js';
import type { TransitionId } from './statuses.js';

/**
 * Everything a model step may depend on besides the process itself. Time and ids are
 * injected so that the model stays pure: the same inputs give the same result.
 */
export interface ModelContext {
  /** Milliseconds since the epoch, from the injected clock. */
  readonly now: number;
  /** Returns a fresh `DIM-<n>` id. */
  readonly newId: () => string;
  /** The process's tenant as it is at this moment. */
  readonly tenant: TenantView;
  readonly options: ResolvedSemanticsOptions;
  readonly referenceData: ReferenceData;
  readonly faults: readonly FaultRule[];
  /** Limits on what one import file may hold; the defaults when absent. */
  readonly readLimits?: ReadLimits | undefined;
}

/** The outcome of one transition, with its effects on the world outside the process. */
export interface StepResult {
  readonly process: ImportProcess;
  readonly transition: TransitionId;
  /** Entities that now exist in the tenant. */
  readonly created: readonly CreatedEntity[];
  /** Entities removed from the tenant (only by a rollback discard). */
  readonly removed: readonly CreatedEntity[];
  /** The fault rules with their send counters updated. */
  readonly faults: readonly FaultRule[];
  /** Limits on what one import file may hold; the defaults when absent. */
  readonly readLimits?: ReadLimits | undefined;
}
