import type { RecordLevel } from './log-level.js';

/** A value a log field can hold: what JSON can carry without surprises. */
export type LogValue = string | number | boolean | null;

/**
 * One line of the simulator's log. `time`, `level` and `msg` come first; the other fields
 * depend on the event (a request carries method, path, status, durationMs, …).
 */
export interface LogRecord {
  /** ISO-8601 time the event ended. */
  readonly time: string;
  readonly level: RecordLevel;
  /** What happened, in a word or two: `request`, `internal error`. */
  readonly msg: string;
  readonly fields: Readonly<Record<string, LogValue>>;
}
