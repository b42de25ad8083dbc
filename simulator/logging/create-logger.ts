import type { RequestEvent } from '../http/create-app.js';
import { formatJsonLine } from './format-json-line.js';
import { formatPrettyLine, NO_LEVEL_PAINT, type LevelPaint } from './format-pretty-line.js';
import { levelAllows, type LogLevel } from './log-level.js';
import type { LogRecord } from './log-record.js';
import { requestRecord } from './request-record.js';

/** `json`: one JSON object per line; `pretty`: one short line for a person. */
export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly format: LogFormat;
  /** Where lines go, one call per line (a stream's `write`). */
  readonly write: (line: string) => unknown;
  /** Colours the level of pretty lines; none by default. */
  readonly paint?: LevelPaint;
  /** The clock; injectable for tests. */
  readonly now?: () => Date;
}

/** What the simulator's host reports: answered requests and errors it did not expect. */
export interface SimulatorLogger {
  request(event: RequestEvent): void;
  internalError(error: unknown): void;
}

/**
 * A logger for the simulator's `onRequest` and `onInternalError` hooks: one line per event,
 * JSON or pretty, below the threshold level nothing.
 */
export function createLogger(options: LoggerOptions): SimulatorLogger {
  const now = options.now ?? ((): Date => new Date());
  const paint = options.paint ?? NO_LEVEL_PAINT;
  const emit = (record: LogRecord): void => {
    if (!levelAllows(options.level, record.level)) return;
    options.write(
      options.format === 'json' ? formatJsonLine(record) : formatPrettyLine(record, paint),
    );
  };

  return {
    request: (event) => emit(requestRecord(event, now())),
    internalError: (error) =>
      emit({
        time: now().toISOString(),
        level: 'error',
        msg: 'internal error',
        // The message only: the answer was a 500 without internals, and so is the log line
        // at the default levels. The stack shows at debug.
        fields: {
          error: error instanceof Error ? error.message : String(error),
          ...(options.level === 'debug' && error instanceof Error && error.stack !== undefined
            ? { stack: error.stack }
            : {}),
        },
      }),
  };
}
