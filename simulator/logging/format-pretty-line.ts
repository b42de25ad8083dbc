import type { RecordLevel } from './log-level.js';
import type { LogRecord, LogValue } from './log-record.js';

/** How a pretty line colours its level; the identity when colour is off. */
export type LevelPaint = (level: RecordLevel, text: string) => string;

export const NO_LEVEL_PAINT: LevelPaint = (_level, text) => text;

const ANSI: Readonly<Record<RecordLevel, string>> = {
  debug: '\u001b[2m',
  info: '\u001b[36m',
  warn: '\u001b[33m',
  error: '\u001b[31m',
};

/** ANSI colour per level, for a terminal that wants it. */
export const ANSI_LEVEL_PAINT: LevelPaint = (level, text) => `${ANSI[level]}${text}\u001b[0m`;

/**
 * One short line for a person at a terminal: the time (UTC), the level, then a request as
 * `status METHOD path duration` with its ids, or any other event as message and fields.
 *
 * @example
 * 14:03:27.512 INFO  202 POST /api/v2/import 18.8 ms DIM-1000 x-request-id=r-1
 */
export function formatPrettyLine(record: LogRecord, paint: LevelPaint = NO_LEVEL_PAINT): string {
  const time = record.time.slice(11, 23);
  const level = paint(record.level, record.level.toUpperCase().padEnd(5));
  const body = record.msg === 'request' ? requestLine(record.fields) : otherLine(record);
  return `${time} ${level} ${body}\n`;
}

function requestLine(fields: LogRecord['fields']): string {
  const { method, path, status, durationMs, importProcessId, requestId, ...rest } = fields;
  return [
    String(status),
    String(method),
    String(path),
    `${typeof durationMs === 'number' ? durationMs.toFixed(1) : '?'} ms`,
    ...(typeof importProcessId === 'string' ? [importProcessId] : []),
    ...(typeof requestId === 'string' ? [`x-request-id=${show(requestId)}`] : []),
    ...Object.entries(rest).map(([key, value]) => `${key}=${show(value)}`),
  ].join(' ');
}

function otherLine(record: LogRecord): string {
  const fields = Object.entries(record.fields).map(([key, value]) => `${key}=${show(value)}`);
  return [record.msg, ...fields].join(' ');
}

/** Plain words stay plain; anything with spaces, quotes or line breaks is quoted on one line. */
function show(value: LogValue | undefined): string {
  if (typeof value === 'string' && !/[\s"]/.test(value)) return value;
  return JSON.stringify(value) ?? 'undefined';
}
