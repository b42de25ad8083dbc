import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '../http/create-app.js';
import { createLogger, type LoggerOptions } from './create-logger.js';
import { ANSI_LEVEL_PAINT } from './format-pretty-line.js';

const NOW = new Date('2026-03-04T14:03:27.512Z');

function logged(options: Partial<LoggerOptions>, ...events: RequestEvent[]): string[] {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    format: 'json',
    write: (line) => lines.push(line),
    now: () => NOW,
    ...options,
  });
  for (const event of events) logger.request(event);
  return lines;
}

function event(overrides: Partial<RequestEvent> = {}): RequestEvent {
  return {
    method: 'POST',
    path: '/api/v2/import',
    status: 202,
    durationMs: 18.7654,
    requestId: 'r-1',
    importProcessId: 'DIM-1000',
    ...overrides,
  };
}

describe('createLogger', () => {
  it('writes one JSON line per request with time, level, method, path, status and ids', () => {
    const [line] = logged({}, event());

    expect(line?.endsWith('}\n')).toBe(true);
    expect(JSON.parse(line ?? '')).toEqual({
      time: '2026-03-04T14:03:27.512Z',
      level: 'info',
      msg: 'request',
      method: 'POST',
      path: '/api/v2/import',
      status: 202,
      durationMs: 18.77,
      importProcessId: 'DIM-1000',
      requestId: 'r-1',
    });
  });

  it('leaves importProcessId out when no process is known and keeps a missing requestId as null', () => {
    const [line] = logged({}, event({ importProcessId: null, requestId: null }));

    const record = JSON.parse(line ?? '') as Record<string, unknown>;
    expect(record).not.toHaveProperty('importProcessId');
    expect(record['requestId']).toBeNull();
  });

  it.each([
    [200, '/api/v1/import/status/DIM-1', 'info'],
    [404, '/api/v1/import/status/DIM-1', 'warn'],
    [401, '/api/v2/import', 'warn'],
    [500, '/api/v2/import', 'error'],
    [200, '/__simulator/reset', 'debug'],
    [200, '/openapi.json', 'debug'],
    [400, '/__simulator/config', 'warn'],
  ])('logs a %i answer to %s at %s', (status, path, level) => {
    const [line] = logged({ level: 'debug' }, event({ status, path }));

    expect(JSON.parse(line ?? '')).toMatchObject({ level });
  });

  it('writes nothing below the threshold, and nothing at all when silent', () => {
    const events = [event(), event({ status: 404 }), event({ status: 500 })];

    expect(logged({ level: 'warn' }, ...events)).toHaveLength(2);
    expect(logged({ level: 'error' }, ...events)).toHaveLength(1);
    expect(logged({ level: 'silent' }, ...events)).toEqual([]);
  });

  it('writes a pretty line as time, level, status, method, path, duration and ids', () => {
    expect(logged({ format: 'pretty' }, event())).toEqual([
      '14:03:27.512 INFO  202 POST /api/v2/import 18.8 ms DIM-1000 x-request-id=r-1\n',
    ]);
  });

  it('colours only the level of a pretty line when given a paint', () => {
    const [line] = logged({ format: 'pretty', paint: ANSI_LEVEL_PAINT }, event({ status: 500 }));

    expect(line).toBe(
      '14:03:27.512 \u001b[31mERROR\u001b[0m 500 POST /api/v2/import 18.8 ms DIM-1000 x-request-id=r-1\n',
    );
  });

  it('logs an internal error at error level with its message, on one line', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      format: 'pretty',
      write: (l) => lines.push(l),
      now: () => NOW,
    });

    logger.internalError(new TypeError('engine exploded\nat line 2'));

    expect(lines).toEqual([
      '14:03:27.512 ERROR internal error error="engine exploded\\nat line 2"\n',
    ]);
  });
});
