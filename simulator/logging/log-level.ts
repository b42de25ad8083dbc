/** How much the simulator logs: each level shows itself and every level after it. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** The level a record can have: `silent` only ever appears as a threshold. */
export type RecordLevel = Exclude<LogLevel, 'silent'>;

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/** Whether a record of `level` is written when the threshold is `threshold`. */
export function levelAllows(threshold: LogLevel, level: RecordLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}
