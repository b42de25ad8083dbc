import type { EntityRecord } from './entity-record.js';
import type { EntityType } from './entity-types.js';
import type { EntityStatus, ProcessStatus, TransitionId } from './statuses.js';
import type { ValidationProblem } from './validation-problem.js';

/**
 * What was uploaded: the bytes of a multipart part (H-1) held in memory, a parsed JSON body
 * (H-8), or a large part spooled to a file, which the simulator reads as a stream.
 */
export type ImportUpload =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'document'; readonly document: unknown }
  | { readonly kind: 'file'; readonly path: string; readonly bytes: number };

export interface ProcessSource {
  readonly sourceName: string;
  readonly sourceRef: string;
  readonly sourceLink: string | null;
}

/** One entity of an import process and everything that happened to it. */
export interface ImportEntity extends EntityRecord {
  readonly status: EntityStatus;
  /** Problems found by data validation; empty when valid or not yet validated. */
  readonly problems: readonly ValidationProblem[];
  /** Sends to the target API, first dispatch and retries together. */
  readonly sends: number;
  /** Sends made by retries (C-4). */
  readonly retrySends: number;
  /** Outcome of the latest send. */
  readonly lastSend: 'acked' | 'nacked' | null;
  /** Why the latest send was refused, for the control API. */
  readonly refusal: string | null;
}

export interface HistoryEntry {
  readonly transition: TransitionId;
  readonly from: ProcessStatus | null;
  readonly to: ProcessStatus;
  /** ISO-8601 time from the injected clock. */
  readonly at: string;
}

export interface ImportProcess {
  readonly id: string;
  readonly tenant: string;
  readonly source: ProcessSource;
  readonly status: ProcessStatus;
  /** The stored upload, until technical validation has read it. */
  readonly upload: ImportUpload | null;
  /** Why technical validation failed (status `ERROR`). */
  readonly technicalError: string | null;
  readonly entities: readonly ImportEntity[];
  readonly validationId: string | null;
  readonly validationRowIds: Readonly<Record<EntityType, string>> | null;
  readonly dispatchId: string | null;
  readonly dispatchRowIds: Readonly<Record<EntityType, string>> | null;
  readonly history: readonly HistoryEntry[];
}
