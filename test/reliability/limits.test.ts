/**
 * The simulator's limits (DEFAULT_SIMULATOR_OPTIONS): what it keeps at most, what it forgets
 * first, and how it refuses when it can forget nothing — never silently, never a 5xx.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors/config-error.js';
import { systemClock, type Clock } from '../../simulator/engine/clock.js';
import {
  DEFAULT_SIMULATOR_OPTIONS,
  LIMIT_NAMES,
  resolveSimulatorOptions,
} from '../../simulator/simulator-options.js';
import type { StartSimulatorOptions } from '../../simulator/start-simulator.js';
import { worldViolations } from './support/invariants.js';
import {
  call,
  control,
  expectRefusal,
  idOf,
  invalidPerson,
  multipart,
  person,
  startReliabilitySimulator,
  TOKEN,
  upload,
  uploadHeaders,
  type Data,
  type ReliabilitySimulator,
} from './support/reliability-simulator.js';

const TENANT = 'limits';
const running: ReliabilitySimulator[] = [];

async function start(options: StartSimulatorOptions): Promise<ReliabilitySimulator> {
  const sim = await startReliabilitySimulator(options);
  running.push(sim);
  return sim;
}

afterEach(async () => {
  for (const sim of running.splice(0)) {
    expect(sim.internalErrors).toEqual([]);
    expect(await worldViolations(sim.url)).toEqual([]);
    await sim.close();
  }
});

const file = (...persons: Data[]): string => JSON.stringify({ persons });
const kept = async (sim: ReliabilitySimulator): Promise<string[]> =>
  (
    await control<{ processes: Array<{ importProcessId: string }> }>(sim.url, '/processes')
  ).processes.map((process) => process.importProcessId);
const act = (sim: ReliabilitySimulator, id: string, action: string) =>
  call(sim.url, `/api/v1/import/${id}/${action}`, {
    method: 'POST',
    headers: { 'x-auth-token': TOKEN },
  });

describe('the defaults', () => {
  it('are positive whole numbers, one for each documented limit', () => {
    const resolved = resolveSimulatorOptions();
    for (const name of LIMIT_NAMES) {
      expect(resolved[name]).toBe(DEFAULT_SIMULATOR_OPTIONS[name]);
      expect(Number.isSafeInteger(resolved[name]) && resolved[name] > 0).toBe(true);
    }
  });

  it('refuse a limit that is not a positive whole number', () => {
    expect(() => resolveSimulatorOptions({ maxProcesses: 0 })).toThrow(ConfigError);
    expect(() => resolveSimulatorOptions({ maxTokens: 1.5 })).toThrow(
      'maxTokens must be a positive whole number; got 1.5.',
    );
  });

  it('refuse a store smaller than the largest body, and grow the default store to fit one', () => {
    expect(() => resolveSimulatorOptions({ maxBodyBytes: 1000, maxStoredBytes: 999 })).toThrow(
      /maxStoredBytes \(999\) must be at least maxBodyBytes \(1000\)/,
    );
    const big = 3 * 1024 * 1024 * 1024;
    expect(resolveSimulatorOptions({ maxBodyBytes: big }).maxStoredBytes).toBe(big);
  });
});

describe('maxProcesses', () => {
  it('forgets the final process that ended longest ago first', async () => {
    const sim = await start({ maxProcesses: 3 });
    const ids = [];
    for (const n of [1, 2, 3]) {
      ids.push(idOf(await upload(sim.url, TENANT, `b${n}`, file(person(`P-${n}`)))));
    }

    const fourth = idOf(await upload(sim.url, TENANT, 'b4', file(person('P-4'))));

    expect(await kept(sim)).toEqual([ids[1], ids[2], fourth]);
    expectRefusal(
      await call(sim.url, `/api/v1/import/status/${ids[0] ?? ''}`, {
        headers: { 'x-auth-token': TOKEN },
      }),
      404,
      'err.importProcessNotFound',
    );
    // Its entities stay created, and its batch stays claimed: nothing can be imported twice.
    const created = await control<{ entities: Data[] }>(sim.url, `/tenants/${TENANT}/entities`);
    expect(created.entities.map((entity) => entity['key'])).toEqual(['P-1', 'P-2', 'P-3', 'P-4']);
    expectRefusal(
      await upload(sim.url, TENANT, 'b1', file(person('P-9'))),
      400,
      'err.importSourceRefExists',
    );
  });

  it('never forgets a suspended process: with only suspended ones left it refuses with 429', async () => {
    const sim = await start({ maxProcesses: 2 });
    const first = idOf(await upload(sim.url, TENANT, 'r1', file(invalidPerson('P-1'))));
    const second = idOf(await upload(sim.url, TENANT, 'r2', file(invalidPerson('P-2'))));

    const refused = await upload(sim.url, TENANT, 'r3', file(person('P-3')));

    expectRefusal(refused, 429, 'err.processLimitReached');
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(JSON.stringify(refused.body)).toContain('2 are suspended (REJECTED or FAILED)');
    expect(await kept(sim)).toEqual([first, second]);

    // A client action ends one; then it is the one forgotten to make room.
    expect((await act(sim, first, 'discard')).status).toBe(200);
    const third = idOf(await upload(sim.url, TENANT, 'r3', file(person('P-3'))));
    expect(await kept(sim)).toEqual([second, third]);
  });

  it('asks to try again shortly when running processes fill it', async () => {
    const sim = await start({ maxProcesses: 1, pace: 'step' });
    idOf(await upload(sim.url, TENANT, 's1', file(person('P-1'))));

    const refused = await upload(sim.url, TENANT, 's2', file(person('P-2')));

    expectRefusal(refused, 429, 'err.processLimitReached');
    expect(refused.headers.get('retry-after')).toBe('1');
  });
});

describe('maxStoredBytes and maxCreatedEntities', () => {
  it('refuses an upload whose file the store cannot keep', async () => {
    const sim = await start({ pace: 'step', maxBodyBytes: 10_000, maxStoredBytes: 20_000 });
    const padded = (key: string): string =>
      file(person(key, { pepExplanation: 'x'.repeat(8_000) }));
    idOf(await upload(sim.url, TENANT, 'f1', padded('P-1')));
    idOf(await upload(sim.url, TENANT, 'f2', padded('P-2')));

    const refused = await upload(sim.url, TENANT, 'f3', padded('P-3'));

    expectRefusal(refused, 429, 'err.storageLimitReached');
    expect(JSON.stringify(refused.body)).toContain('limit maxStoredBytes 20000');
    const stats = await control<{ storedBytes: number }>(sim.url, '/stats');
    expect(stats.storedBytes).toBeLessThanOrEqual(20_000);
  });

  it('refuses uploads once the tenants hold maxCreatedEntities, until a reset', async () => {
    const sim = await start({ maxCreatedEntities: 2 });
    idOf(await upload(sim.url, TENANT, 'c1', file(person('P-1'), person('P-2'))));

    const refused = await upload(sim.url, 'elsewhere', 'c2', file(person('P-3')));

    expectRefusal(refused, 429, 'err.storageLimitReached');
    expect(JSON.stringify(refused.body)).toContain('maxCreatedEntities 2');
    await control(sim.url, '/reset', 'POST');
    idOf(await upload(sim.url, TENANT, 'c2', file(person('P-3'))));
  });
});

describe('maxJsonBodyBytes', () => {
  it('refuses an H-8 body past it with 413, though the file limit is higher', async () => {
    const sim = await start({ maxBodyBytes: 100_000, maxJsonBodyBytes: 10_000 });
    const persons = Array.from({ length: 20 }, (_, n) => person(`P-${n}`));
    const body = JSON.stringify({ source: { sourceName: 's', sourceRef: 'json' }, persons });

    const answer = await call(sim.url, '/api/v1/import/sample', {
      method: 'POST',
      headers: { 'x-auth-token': TOKEN, 'x-leaf-tenant-code': TENANT },
      body,
    });

    expect(body.length).toBeGreaterThan(10_000);
    expectRefusal(answer, 413, 'err.importFileTooLarge');
    expect(JSON.stringify(answer.body)).toContain('the limit of 10000 bytes');
    const stats = await control<{ processes: { total: number } }>(sim.url, '/stats');
    expect(stats.processes.total).toBe(0);
  });
});

describe('maxConcurrentUploads', () => {
  it('refuses one upload too many with 429 and Retry-After, and admits it once one ends', async () => {
    const sim = await start({ maxConcurrentUploads: 2 });
    const { contentType, body } = multipart([{ content: file(person('P-slow')) }]);
    const releases: Array<() => void> = [];
    // Two uploads that send half their body, then wait to be released.
    const slow = [1, 2].map((n) => {
      const stream = new ReadableStream<Uint8Array>({
        start: async (controller) => {
          controller.enqueue(body.subarray(0, 50));
          await new Promise<void>((resolve) => releases.push(resolve));
          controller.enqueue(body.subarray(50));
          controller.close();
        },
      });
      return fetch(`${sim.url}/api/v2/import?sourceName=s&sourceRef=slow-${n}`, {
        method: 'POST',
        headers: uploadHeaders(`slow-${n}`, { 'content-type': contentType }),
        body: stream,
        duplex: 'half',
      });
    });
    await waitFor(async () => (await stats(sim))['uploadsInFlight'] === 2);

    const refused = await upload(sim.url, TENANT, 'third', file(person('P-3')));

    expectRefusal(refused, 429, 'err.tooManyConcurrentUploads');
    expect(refused.headers.get('retry-after')).toBe('1');
    for (const release of releases) release();
    expect((await Promise.all(slow)).map((answer) => answer.status)).toEqual([202, 202]);
    idOf(await upload(sim.url, TENANT, 'third', file(person('P-3'))));
    expect((await stats(sim))['uploadsInFlight']).toBe(0);
  });
});

describe('maxRequestIds and maxRequestIdBytes', () => {
  it('forgets the oldest answer first; a forgotten id is performed again', async () => {
    const sim = await start({ maxRequestIds: 2 });
    const withId = (id: string, ref: string, key: string) =>
      upload(sim.url, TENANT, ref, file(person(key)), { 'x-request-id': id });
    const first = await withId('r1', 'i1', 'P-1');
    await withId('r2', 'i2', 'P-2');
    const third = await withId('r3', 'i3', 'P-3');

    expect((await withId('r3', 'i9', 'P-9')).body).toEqual(third.body);
    const again = await withId('r1', 'i1-again', 'P-1b');
    expect(idOf(again)).not.toBe(idOf(first));
    const remembered = await stats(sim);
    expect(remembered['requestIds']).toMatchObject({ remembered: 2 });
  });

  it('keeps the remembered answers within their byte limit', async () => {
    const sim = await start({ maxRequestIdBytes: 1_500 });
    for (const n of [1, 2, 3, 4, 5, 6]) {
      idOf(
        await upload(sim.url, TENANT, `y${n}`, file(person(`P-${n}`)), { 'x-request-id': `y${n}` }),
      );
    }
    const { requestIds } = (await stats(sim)) as { requestIds: { bytes: number } };
    expect(requestIds.bytes).toBeGreaterThan(0);
    expect(requestIds.bytes).toBeLessThanOrEqual(1_500);
  });
});

describe('maxTokens', () => {
  it('forgets the oldest token first; its holder must log in again', async () => {
    const sim = await start({ users: [{ username: 'ops', password: 'pw' }], maxTokens: 2 });
    const login = async (): Promise<string> => {
      const answer = await call(sim.url, '/api/v1/employees/authorise', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ops', password: 'pw' }),
      });
      return String((answer.body as { data: { token: string } }).data.token);
    };
    const tokens = [await login(), await login(), await login()];
    const read = (token: string) =>
      call(sim.url, '/api/v1/import/status/DIM-1', { headers: { 'x-auth-token': token } });

    expectRefusal(await read(tokens[0] ?? ''), 401, 'err.authTokenInvalid');
    expect((await read(tokens[1] ?? '')).status).toBe(404);
    expect((await read(tokens[2] ?? '')).status).toBe(404);
    expect((await stats(sim))['tokens']).toBe(2);
  });

  it('drops expired tokens before valid ones', async () => {
    let now = Date.UTC(2024, 0, 1);
    const clock: Clock = { now: () => now, schedule: (ms, task) => systemClock.schedule(ms, task) };
    const sim = await start({
      users: [{ username: 'ops', password: 'pw' }],
      maxTokens: 2,
      tokenTtlMs: 1_000,
      clock,
    });
    const login = () =>
      call(sim.url, '/api/v1/employees/authorise', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ops', password: 'pw' }),
      });
    await login();
    await login();
    now += 2_000;
    await login();
    expect((await stats(sim))['tokens']).toBe(1);
  });
});

describe('maxHistoryEntries', () => {
  it('keeps the latest transitions of a process retried again and again, and counts the rest', async () => {
    const sim = await start({ maxHistoryEntries: 10 });
    await call(sim.url, '/__simulator/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ match: { key: 'P-1' }, refuse: 'every' }),
    });
    const id = idOf(await upload(sim.url, TENANT, 'h1', file(person('P-1'))));
    for (let retry = 0; retry < 20; retry++) expect((await act(sim, id, 'retry')).status).toBe(200);

    const inspected = await control<{ history: Data[]; status: Data }>(sim.url, `/processes/${id}`);
    expect(inspected.history).toHaveLength(10);
    expect(inspected.history.at(-1)).toMatchObject({ transition: 'T-11', to: 'FAILED' });
    const [summary] = (
      await control<{ processes: Array<{ historyDropped: number }> }>(sim.url, '/processes')
    ).processes;
    // 7 transitions to FAILED, then 20 retries of two transitions each.
    expect(summary?.historyDropped).toBe(7 + 40 - 10);
    const rows = inspected.status['dispatchStatus'] as Data[];
    expect(rows.find((row) => row['sourceName'] === 'PERSON.PERSON')?.['retryCount']).toBe(20);
  });
});

async function stats(sim: ReliabilitySimulator): Promise<Data> {
  return control(sim.url, '/stats');
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
