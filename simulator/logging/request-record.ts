import { CONTROL_PREFIX, DESCRIPTION_PATH } from '../../api/endpoints.js';
import type { RequestEvent } from '../http/create-app.js';
import type { RecordLevel } from './log-level.js';
import type { LogRecord } from './log-record.js';

/**
 * The log record of one answered request. Its level follows the answer: 5xx is an error of
 * the simulator, 4xx a refusal worth a look, the rest routine. Successful control-API and
 * description requests are the harness's own plumbing and only show at `debug`.
 */
export function requestRecord(event: RequestEvent, time: Date): LogRecord {
  return {
    time: time.toISOString(),
    level: requestLevel(event),
    msg: 'request',
    fields: {
      method: event.method,
      path: event.path,
      status: event.status,
      durationMs: Math.round(event.durationMs * 100) / 100,
      ...(event.importProcessId === null ? {} : { importProcessId: event.importProcessId }),
      requestId: event.requestId,
    },
  };
}

function requestLevel(event: RequestEvent): RecordLevel {
  if (event.status >= 500) return 'error';
  if (event.status >= 400) return 'warn';
  const plumbing = event.path === DESCRIPTION_PATH || event.path.startsWith(`${CONTROL_PREFIX}/`);
  return plumbing ? 'debug' : 'info';
}
