import type { Exchange } from '../../runner/recording-client.js';

/**
 * An invariant that failed, with the exchange that shows it and, when the breach lies
 * between two answers, the earlier one.
 */
export interface InvariantViolation {
  /** The rule id (`S-1`, `C-3`, `D-2`) or the invariant's name. */
  readonly rule: string;
  readonly message: string;
  readonly exchange: Exchange | null;
  readonly earlier?: Exchange;
}

/** Whether `a` was answered before `b` was sent. */
export function before(a: Exchange, b: Exchange): boolean {
  return a.ended < b.started;
}

/** Whether two exchanges were under way at the same time. */
export function overlap(a: Exchange, b: Exchange): boolean {
  return !before(a, b) && !before(b, a);
}

export const FINAL_STATUSES: readonly string[] = ['ERROR', 'DONE', 'PARTIALLY_DONE', 'DISCARDED'];
