/** Process and entity statuses of the reference (section 2). */

export const PROCESS_STATUSES = [
  'INSERTED',
  'PARSING',
  'ERROR',
  'PARSED',
  'VALIDATING',
  'REJECTED',
  'APPROVED',
  'PARTIALLY_APPROVED',
  'SENDING',
  'FAILED',
  'DONE',
  'PARTIALLY_DONE',
  'DISCARDED',
] as const;

export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export type StatusKind = 'transient' | 'suspended' | 'final';

export const STATUS_KIND: Readonly<Record<ProcessStatus, StatusKind>> = {
  INSERTED: 'transient',
  PARSING: 'transient',
  ERROR: 'final',
  PARSED: 'transient',
  VALIDATING: 'transient',
  REJECTED: 'suspended',
  APPROVED: 'transient',
  PARTIALLY_APPROVED: 'transient',
  SENDING: 'transient',
  FAILED: 'suspended',
  DONE: 'final',
  PARTIALLY_DONE: 'final',
  DISCARDED: 'final',
};

export function isProcessStatus(value: unknown): value is ProcessStatus {
  return typeof value === 'string' && (PROCESS_STATUSES as readonly string[]).includes(value);
}

export function isTransient(status: ProcessStatus): boolean {
  return STATUS_KIND[status] === 'transient';
}

export type EntityStatus =
  'PENDING' | 'VALID' | 'INVALID' | 'SENT' | 'CREATED' | 'NOT_CREATED' | 'DISCARDED';

/** Transition ids of the reference (section 4). */
export type TransitionId =
  | 'T-1'
  | 'T-2'
  | 'T-3'
  | 'T-4'
  | 'T-5'
  | 'T-6'
  | 'T-7'
  | 'T-8'
  | 'T-9'
  | 'T-10'
  | 'T-11'
  | 'T-12'
  | 'T-13'
  | 'T-14'
  | 'T-15'
  | 'T-16';
