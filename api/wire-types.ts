/**
 * The JSON shapes on the wire of the data import API (reference sections 1, 3, 11). The
 * simulator produces them, the client reads them, and contracts describe them.
 */
import type { EntityType } from '../model/entity-types.js';
import type { ProcessStatus } from '../model/statuses.js';

export interface Envelope<T> {
  readonly errors: readonly string[] | null;
  readonly validationErrors: readonly ErrorExplanation[] | null;
  readonly data: T | null;
}

/** Explains one `err.*` code of a refused request (section 11). */
export interface ErrorExplanation {
  readonly fieldName: string | null;
  readonly errorCode: string;
  readonly errorValue: unknown;
  readonly errorMessage: string;
}

export interface SourceRef {
  readonly sourceName: string;
  readonly sourceRef: string;
  readonly sourceLink: string | null;
}

export interface ValidationStatusRow {
  readonly validationStatusId: string;
  readonly sourceName: EntityType;
  readonly statusCode: 'SUCCESS' | 'FAILED';
  readonly entryCount: number;
  readonly processedCount: number;
  readonly message: string | null;
}

export interface DispatchStatusRow {
  readonly dispatchStatusId: string;
  readonly sourceName: EntityType;
  readonly statusCode: 'IN_PROGRESS' | 'SUCCESS' | 'FAILED';
  readonly entryCount: number;
  readonly dispatchedCount: number;
  readonly ackedCount: number;
  readonly nackedCount: number;
  readonly retryCount: number;
  readonly message: string | null;
}

export interface ValidationErrorItem {
  readonly source: { sourceName: EntityType; sourceRef: string; sourceLink: string | null };
  readonly fieldName: string | null;
  readonly errorCode: string;
  readonly errorValue: unknown;
  readonly errorMessage: string | null;
  readonly originalSource: unknown;
}

export interface StatusObject {
  readonly importProcessId: string;
  readonly source: SourceRef;
  readonly statusCode: ProcessStatus;
  readonly validationId: string | null;
  readonly dispatchId: string | null;
  readonly validationStatus: readonly ValidationStatusRow[] | null;
  readonly validationErrors: readonly ValidationErrorItem[] | null;
  readonly dispatchStatus: readonly DispatchStatusRow[] | null;
}
