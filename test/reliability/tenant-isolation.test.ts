/**
 * Who may see what: with configured users, H-7 issues tokens that expire, every call checks
 * its token, and a process is visible only to users who may access its tenant — to others it
 * does not exist. Without users, any non-empty token sees everything, as the reference says.
 * The control API, which sees every tenant, is only on by default on a loopback address.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../cli/commands/serve-command.js';
import { systemClock, type Clock } from '../../simulator/engine/clock.js';
import { isLoopbackHost, resolveSimulatorOptions } from '../../simulator/simulator-options.js';
import {
  call,
  expectRefusal,
  idOf,
  invalidPerson,
  multipart,
  person,
  snapshot,
  startReliabilitySimulator,
  type Answer,
  type Data,
  type ReliabilitySimulator,
} from './support/reliability-simulator.js';

const USERS = [
  { username: 'teller', password: 'pw-a', tenants: ['MB'] },
  { username: 'other', password: 'pw-b', tenants: ['XB'] },
  { username: 'auditor', password: 'pw-c', tenants: ['*'] },
];
const ACTIONS = ['discard', 'discard-rejected-entities', 'discard-failed-entities', 'retry'];

let now = Date.UTC(2024, 0, 1);
const clock: Clock = { now: () => now, schedule: (ms, task) => systemClock.schedule(ms, task) };
let sim: ReliabilitySimulator;

beforeAll(async () => {
  sim = await startReliabilitySimulator({ users: USERS, tokenTtlMs: 60_000, clock });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  expect(sim.internalErrors).toEqual([]);
});

async function login(username: string, password: string): Promise<string> {
  const answer = await call(sim.url, '/api/v1/employees/authorise', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return String((answer.body as { data: { token: string } }).data.token);
}

function uploadAs(
  token: string,
  tenant: string,
  sourceRef: string,
  persons: Data[],
): Promise<Answer> {
  const { contentType, body } = multipart([{ content: JSON.stringify({ persons }) }]);
  return call(sim.url, `/api/v2/import?sourceName=iso&sourceRef=${sourceRef}`, {
    method: 'POST',
    headers: { 'x-auth-token': token, 'x-leaf-tenant-code': tenant, 'content-type': contentType },
    body,
  });
}

const read = (token: string, id: string): Promise<Answer> =>
  call(sim.url, `/api/v1/import/status/${id}`, { headers: { 'x-auth-token': token } });
const act = (token: string, id: string, action: string): Promise<Answer> =>
  call(sim.url, `/api/v1/import/${id}/${action}`, {
    method: 'POST',
    headers: { 'x-auth-token': token },
  });

/** The answer with the process id taken out, to compare answers about different ids. */
function withoutId(answer: Answer, id: string): unknown {
  return JSON.parse(JSON.stringify(answer.body).split(id).join('<id>'));
}

describe('with users configured', () => {
  it('shows a process to the users of its tenant and to no one else', async () => {
    const teller = await login('teller', 'pw-a');
    const auditor = await login('auditor', 'pw-c');
    const other = await login('other', 'pw-b');
    const id = idOf(await uploadAs(teller, 'MB', 'seen', [person('P-1')]));

    expect((await read(teller, id)).status).toBe(200);
    expect((await read(auditor, id)).status).toBe(200);
    expectRefusal(await read(other, id), 404, 'err.importProcessNotFound');
  });

  it("answers another tenant's process exactly as an id that was never issued", async () => {
    const teller = await login('teller', 'pw-a');
    const other = await login('other', 'pw-b');
    const id = idOf(await uploadAs(teller, 'MB', 'hidden', [invalidPerson('P-2')]));
    const unknown = 'DIM-987654';

    const routes: Array<[string, (target: string) => string]> = [
      ['GET', (target) => `/api/v1/import/status/${target}`],
      ...ACTIONS.map((action): [string, (target: string) => string] => [
        'POST',
        (target) => `/api/v1/import/${target}/${action}`,
      ]),
    ];
    for (const [method, path] of routes) {
      const ask = (target: string) =>
        call(sim.url, path(target), { method, headers: { 'x-auth-token': other } });
      const hidden = await ask(id);
      const never = await ask(unknown);
      expect(hidden.status).toBe(404);
      expect(withoutId(hidden, id)).toEqual(withoutId(never, unknown));
    }
  });

  it("lets no action of another tenant's user change a process", async () => {
    const teller = await login('teller', 'pw-a');
    const other = await login('other', 'pw-b');
    const id = idOf(await uploadAs(teller, 'MB', 'guarded', [invalidPerson('P-3')]));
    const before = await snapshot(sim.url, ['MB', 'XB']);

    for (const action of ACTIONS) {
      expectRefusal(await act(other, id, action), 404, 'err.importProcessNotFound');
    }

    expect(await snapshot(sim.url, ['MB', 'XB'])).toEqual(before);
    expect((await act(teller, id, 'discard')).status).toBe(200);
  });

  it('refuses an upload into a tenant the user may not access with 403, creating nothing', async () => {
    const teller = await login('teller', 'pw-a');
    const before = await snapshot(sim.url, ['MB', 'XB']);

    const refused = await uploadAs(teller, 'XB', 'intrude', [person('P-4')]);

    expectRefusal(refused, 403, 'err.tenantAccessDenied');
    expect(await snapshot(sim.url, ['MB', 'XB'])).toEqual(before);
  });

  it('checks the token on every call: never issued, or expired, is 401 err.authTokenInvalid', async () => {
    const teller = await login('teller', 'pw-a');
    const id = idOf(await uploadAs(teller, 'MB', 'expiring', [invalidPerson('P-5')]));

    const calls = (token: string) => [
      () => read(token, id),
      ...ACTIONS.map((action) => () => act(token, id, action)),
      () => uploadAs(token, 'MB', 'after-expiry', [person('P-6')]),
      () =>
        call(sim.url, '/api/v1/import/sample', {
          method: 'POST',
          headers: { 'x-auth-token': token, 'x-leaf-tenant-code': 'MB' },
          body: JSON.stringify({ source: { sourceName: 'a', sourceRef: 'b' }, persons: [] }),
        }),
    ];
    for (const send of calls('never-issued'))
      expectRefusal(await send(), 401, 'err.authTokenInvalid');

    now += 60_001;
    for (const send of calls(teller)) expectRefusal(await send(), 401, 'err.authTokenInvalid');
    expect((await read(await login('teller', 'pw-a'), id)).status).toBe(200);
  });

  it('keeps x-request-id answers apart per token', async () => {
    const teller = await login('teller', 'pw-a');
    const other = await login('other', 'pw-b');
    const first = await uploadAs(teller, 'MB', 'rid-a', [person('P-7')]);
    const { contentType, body } = multipart([
      { content: JSON.stringify({ persons: [person('P-8')] }) },
    ]);
    const again = (token: string, tenant: string, ref: string) =>
      call(sim.url, `/api/v2/import?sourceName=iso&sourceRef=${ref}`, {
        method: 'POST',
        headers: {
          'x-auth-token': token,
          'x-leaf-tenant-code': tenant,
          'content-type': contentType,
          'x-request-id': 'shared-id',
        },
        body,
      });
    const mine = await again(teller, 'MB', 'rid-b');
    const theirs = await again(other, 'XB', 'rid-c');

    expect(idOf(mine)).not.toBe(idOf(first));
    expect(idOf(theirs)).not.toBe(idOf(mine));
    expect((await read(other, idOf(mine))).status).toBe(404);
  });
});

describe('without users', () => {
  it('accepts any non-empty token, and every token sees every process', async () => {
    const open = await startReliabilitySimulator();
    try {
      const { contentType, body } = multipart([
        { content: JSON.stringify({ persons: [person('P-1')] }) },
      ]);
      const id = idOf(
        await call(open.url, '/api/v2/import?sourceName=a&sourceRef=b', {
          method: 'POST',
          headers: {
            'x-auth-token': 'anything',
            'x-leaf-tenant-code': 'MB',
            'content-type': contentType,
          },
          body,
        }),
      );
      const seen = await call(open.url, `/api/v1/import/status/${id}`, {
        headers: { 'x-auth-token': 'something else' },
      });
      expect(seen.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('the control API', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.20', false],
    ['example.internal', false],
  ])('is on by default on %s: %s', (host, on) => {
    expect(isLoopbackHost(host)).toBe(on);
    expect(resolveSimulatorOptions({ host }).controlApi).toBe(on);
  });

  it('follows an explicit choice whatever the host', () => {
    expect(resolveSimulatorOptions({ host: '0.0.0.0', controlApi: true }).controlApi).toBe(true);
    expect(resolveSimulatorOptions({ host: '127.0.0.1', controlApi: false }).controlApi).toBe(
      false,
    );
  });

  it('answers 404 under /__simulator when switched off', async () => {
    const bare = await startReliabilitySimulator({ controlApi: false });
    try {
      const reset = await call(bare.url, '/__simulator/reset', { method: 'POST' });
      expectRefusal(reset, 404, 'err.resourceNotFound');
    } finally {
      await bare.close();
    }
  });
});

describe('import-harness serve --users', () => {
  it('gives each user of the file the tenants it names', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ih-users-'));
    const usersFile = join(folder, 'users.json');
    writeFileSync(usersFile, JSON.stringify({ users: USERS, tokenTtlMs: 5_000 }));
    const stop = new AbortController();
    let stdout = '';
    let ready: (url: string) => void = () => undefined;
    const listening = new Promise<string>((resolve) => (ready = resolve));
    const serving = serveCommand(
      ['--port', '0', '--users', usersFile, '--log-level', 'silent', '--pace', 'instant'],
      {
        stdout: {
          write: (text: string) => {
            stdout += text;
            const url = /listening on (\S+)/.exec(stdout)?.[1];
            if (url !== undefined) ready(url);
            return true;
          },
        },
        stderr: { write: () => true },
        env: {},
        signal: stop.signal,
      },
    );
    try {
      const url = await listening;
      const token = async (username: string, password: string): Promise<number> =>
        (
          await call(url, '/api/v1/employees/authorise', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password }),
          })
        ).status;
      expect(await token('teller', 'pw-a')).toBe(200);
      expect(await token('teller', 'wrong')).toBe(401);
    } finally {
      stop.abort();
      expect(await serving).toBe(0);
    }
  });
});
