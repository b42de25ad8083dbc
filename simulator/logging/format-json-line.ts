import type { LogRecord } from './log-record.js';

/** One JSON object per line (JSON Lines), for log collectors: `time`, `level`, `msg` first. */
export function formatJsonLine(record: LogRecord): string {
  return `${JSON.stringify({
    time: record.time,
    level: record.level,
    msg: record.msg,
    ...record.fields,
  })}\n`;
}
