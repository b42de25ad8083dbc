/**
 * Races over real sockets: actions racing on one process (D-2), imports of the same persons
 * racing to dispatch (V-6 at dispatch), repeated x-request-ids arriving together, and
 * clients that vanish mid-upload. After each run the invariants C-1…C-4 and S-1 are checked
 * from outside (support/invariants.ts), and the simulator must have met no internal error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { abandonRequest } from './support/raw-http.js';
import { counterViolations, StatusWatch, worldViolations } from './support/invariants.js';
import {
  call,
  control,
  expectRefusal,
  idOf,
  inspectStatus,
  invalidPerson,
  multipart,
  person,
  startReliabilitySimulator,
  TOKEN,
  upload,
  uploadHeaders,
  waitForStatus,
  type Answer,
  type Data,
  type ReliabilitySimulator,
} from './support/reliability-simulator.js';

const ACTIONS = [
  'discard',
  'discard-rejected-entities',
  'discard-failed-entities',
  'retry',
] as const;
type Action = (typeof ACTIONS)[number];
type Start = 'REJECTED' | 'FAILED';

/** The key every FAILED fixture uses for the person the target API always refuses. */
const REFUSED = 'P-REFUSED';
const REPEATS = 3;

let sim: ReliabilitySimulator;
let tenants = 0;
const freshTenant = (): string => `race-${++tenants}`;

beforeAll(async () => {
  // Up to 25 uploads are in flight at once here; the default of 16 would refuse some (429).
  sim = await startReliabilitySimulator({ maxConcurrentUploads: 64 });
  const fault = await call(sim.url, '/__simulator/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ match: { key: REFUSED }, refuse: 'every' }),
  });
  expect(fault.status).toBe(201);
});
afterAll(async () => {
  await sim.close();
});
afterEach(async () => {
  expect(sim.internalErrors).toEqual([]);
  expect(await worldViolations(sim.url)).toEqual([]);
});

const act = (id: string, action: string, headers: Record<string, string> = {}): Promise<Answer> =>
  call(sim.url, `/api/v1/import/${id}/${action}`, {
    method: 'POST',
    headers: { 'x-auth-token': TOKEN, ...headers },
  });
const read = (id: string): Promise<Answer> =>
  call(sim.url, `/api/v1/import/status/${id}`, { headers: { 'x-auth-token': TOKEN } });
const listIds = async (): Promise<string[]> =>
  (
    await control<{ processes: Array<{ importProcessId: string }> }>(sim.url, '/processes')
  ).processes.map((process) => process.importProcessId);

/** A process resting in `start`: one valid person and one that fails (V-2, or refused). */
async function processIn(start: Start, tenant: string): Promise<string> {
  const second = start === 'REJECTED' ? invalidPerson('P-INVALID') : person(REFUSED);
  const file = JSON.stringify({ persons: [person('P-OK'), second] });
  const id = idOf(await upload(sim.url, tenant, 'fixture', file));
  await waitForStatus(sim.url, id, [start]);
  return id;
}

// ---------------------------------------------------------------------------------------
// D-2 by hand: what each action does to these fixtures, written from the reference's tables
// (section 4), not taken from the model.

const ALLOWED_FROM: Readonly<Record<Action, readonly string[]>> = {
  discard: ['REJECTED', 'FAILED'],
  'discard-rejected-entities': ['REJECTED'],
  'discard-failed-entities': ['FAILED'],
  retry: ['FAILED'],
};
/** The status the action answers with (its own transition), by starting status. */
const ANSWERED: Readonly<Record<Action, Readonly<Record<string, string>>>> = {
  discard: { REJECTED: 'DISCARDED', FAILED: 'DISCARDED' },
  'discard-rejected-entities': { REJECTED: 'PARTIALLY_APPROVED' },
  'discard-failed-entities': { FAILED: 'PARTIALLY_DONE' },
  retry: { FAILED: 'SENDING' },
};
/** Where the process then rests at pace instant: the refused person is refused again. */
const SETTLED: Readonly<Record<Action, Readonly<Record<string, string>>>> = {
  discard: { REJECTED: 'DISCARDED', FAILED: 'DISCARDED' },
  'discard-rejected-entities': { REJECTED: 'PARTIALLY_DONE' },
  'discard-failed-entities': { FAILED: 'PARTIALLY_DONE' },
  retry: { FAILED: 'FAILED' },
};

/** What two actions answer when applied one after the other, as `status:statusCode`. */
function serially(start: Start, order: readonly Action[]): string[] {
  let status: string = start;
  return order.map((action) => {
    if (!ALLOWED_FROM[action].includes(status)) return `400:${status}`;
    const answered = ANSWERED[action][status] ?? '?';
    status = SETTLED[action][status] ?? '?';
    return `200:${answered}`;
  });
}

/** An answer as `status:statusCode`; a refusal shows the status it was judged against. */
function outcome(answer: Answer): string {
  const body = answer.body as { data: Data | null; validationErrors: Data[] | null };
  if (answer.status === 200) return `200:${String(body.data?.['statusCode'])}`;
  expectRefusal(answer, 400, 'err.importProcessStatusInvalid');
  return `400:${String(body.validationErrors?.[0]?.['errorValue'])}`;
}

describe('D-2: two actions racing on one process', () => {
  const pairs = ACTIONS.flatMap((first, index) =>
    ACTIONS.slice(index).map((second) => [first, second] as const),
  );

  for (const start of ['REJECTED', 'FAILED'] as const) {
    it.each(pairs)(
      `from ${start}, %s and %s at once answer as one after the other`,
      async (a, b) => {
        for (let repeat = 0; repeat < REPEATS; repeat++) {
          const id = await processIn(start, freshTenant());

          const answers = await Promise.all([act(id, a), act(id, b)]);

          const seen = answers.map(outcome);
          const orders = [serially(start, [a, b]), serially(start, [b, a])];
          expect(orders.map((order) => order.join(' '))).toContain(seen.join(' '));
          const actionTransitions = (
            await control<{ history: Array<{ transition: string }> }>(sim.url, `/processes/${id}`)
          ).history.filter((entry) =>
            ['T-12', 'T-13', 'T-14', 'T-15', 'T-16'].includes(entry.transition),
          );
          expect(actionTransitions).toHaveLength(
            seen.filter((answer) => answer.startsWith('200')).length,
          );
        }
      },
    );
  }
});

describe('many actions and reads racing on one process', () => {
  it('counts one transition per success, refuses the rest by D-1, and keeps C-1…C-4 and S-1', async () => {
    const watch = new StatusWatch();
    const counters: string[] = [];
    for (let run = 0; run < 5; run++) {
      const id = await processIn('FAILED', freshTenant());
      const actions: Action[] = ACTIONS.flatMap((action) => [action, action, action]);

      // One reader polls in order (so C-3 and S-1 can be judged over time) while the
      // actions and more reads race.
      let racing = true;
      const poller = (async () => {
        while (racing) watch.observe(((await read(id)).body as { data: Data }).data);
      })();
      const answers = await Promise.all([
        ...actions.map((action) => act(id, action)),
        ...Array.from({ length: 6 }, () => read(id)),
      ]);
      racing = false;
      await poller;

      for (const answer of answers) {
        expect([200, 400]).toContain(answer.status);
        if (answer.status === 400) expectRefusal(answer, 400, 'err.importProcessStatusInvalid');
        else counters.push(...counterViolations((answer.body as { data: Data }).data));
      }
      const history = (
        await control<{ history: Array<{ transition: string; from: string | null }> }>(
          sim.url,
          `/processes/${id}`,
        )
      ).history;
      const successes = answers.slice(0, actions.length).filter((answer) => answer.status === 200);
      const byClients = history.filter((entry) => /^T-1[2-6]$/.test(entry.transition));
      expect(byClients).toHaveLength(successes.length);
      // After a final status nothing happened any more (S-1).
      const afterFinal = history.filter((entry) =>
        ['DONE', 'PARTIALLY_DONE', 'DISCARDED', 'ERROR'].includes(String(entry.from)),
      );
      expect(afterFinal).toEqual([]);
      watch.observe(await inspectStatus(sim.url, id));
      watch.observe(((await read(id)).body as { data: Data }).data);
    }
    expect(counters).toEqual([]);
    expect(watch.violations).toEqual([]);
  });
});

describe('V-6 at dispatch: imports of overlapping persons racing', () => {
  it('creates every person once, however the dispatches interleave', async () => {
    // 100 ms per transition: all eight are validated long before the first dispatch ends,
    // so every file passes V-6 at validation and the race is decided at dispatch.
    const paced = await startReliabilitySimulator({ pace: 100 });
    try {
      const tenant = 'overlap';
      const pool = Array.from({ length: 10 }, (_, n) => `P-${n}`);
      // Eight files of five persons each, overlapping: file k holds persons k … k+4.
      const files = Array.from({ length: 8 }, (_, k) =>
        JSON.stringify({ persons: pool.slice(k % 6, (k % 6) + 5).map((key) => person(key)) }),
      );

      const ids = (
        await Promise.all(files.map((file, k) => upload(paced.url, tenant, `batch-${k}`, file)))
      ).map(idOf);
      const rested = await Promise.all(
        ids.map((id) => waitForStatus(paced.url, id, ['DONE', 'FAILED', 'REJECTED'])),
      );

      const created = await control<{ entities: Array<{ key: string; processId: string }> }>(
        paced.url,
        `/tenants/${tenant}/entities`,
      );
      const keys = created.entities.map((entity) => entity.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual(pool);
      // At least one import was refused at dispatch for a person another one created first.
      const refusals: string[] = [];
      for (const id of ids) {
        const inspected = await control<{ entities: Array<{ refusal: string | null }> }>(
          paced.url,
          `/processes/${id}`,
        );
        refusals.push(...inspected.entities.flatMap((entity) => entity.refusal ?? []));
      }
      expect(rested.some((status) => status['statusCode'] === 'FAILED')).toBe(true);
      expect(refusals.every((refusal) => refusal.endsWith('already exists in the tenant'))).toBe(
        true,
      );

      // Retrying the failed imports cannot create anyone a second time.
      for (const [index, status] of rested.entries()) {
        if (status['statusCode'] !== 'FAILED') continue;
        const id = ids[index] ?? '';
        expect(
          (
            await call(paced.url, `/api/v1/import/${id}/retry`, {
              method: 'POST',
              headers: { 'x-auth-token': TOKEN },
            })
          ).status,
        ).toBe(200);
        await waitForStatus(paced.url, id, ['FAILED']);
      }
      const after = await control<{ entities: Data[] }>(paced.url, `/tenants/${tenant}/entities`);
      expect(after.entities).toHaveLength(pool.length);
      expect(await worldViolations(paced.url)).toEqual([]);
      expect(paced.internalErrors).toEqual([]);
    } finally {
      await paced.close();
    }
  });
});

describe('x-request-id: repeats arriving together', () => {
  it('gives twenty concurrent uploads with one id one effect and identical answers', async () => {
    const tenant = freshTenant();
    const before = await listIds();

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        upload(sim.url, tenant, `same-id-${n}`, JSON.stringify({ persons: [person(`P-${n}`)] }), {
          'x-request-id': `upload-${tenant}`,
        }),
      ),
    );

    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual(answers[0]?.body);
    }
    const created = (await listIds()).filter((id) => !before.includes(id));
    expect(created).toEqual([idOf(answers[0] as Answer)]);
  });

  it('gives ten concurrent retries with one id one retry and identical answers', async () => {
    const id = await processIn('FAILED', freshTenant());

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => act(id, 'retry', { 'x-request-id': `retry-${id}` })),
    );

    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(answers[0]?.body);
    }
    const inspected = await control<{ history: Array<{ transition: string }>; status: Data }>(
      sim.url,
      `/processes/${id}`,
    );
    expect(inspected.history.filter((entry) => entry.transition === 'T-16')).toHaveLength(1);
    const person = (inspected.status['dispatchStatus'] as Data[]).find(
      (row) => row['sourceName'] === 'PERSON.PERSON',
    );
    expect(person?.['retryCount']).toBe(1);
  });
});

describe('clients that disconnect mid-upload', () => {
  it('leaves no process behind, and the server keeps answering', async () => {
    const tenant = freshTenant();
    const before = await listIds();
    const file = JSON.stringify({ persons: [person('P-1'), person('P-2')] });
    const { contentType, body } = multipart([{ content: file }]);
    const json = Buffer.from(
      JSON.stringify({ source: { sourceName: 'a', sourceRef: 'b' }, persons: [person('P-3')] }),
    );

    // Twenty clients vanish half-way through H-1 and H-8, while others upload normally.
    const vanishing = Array.from({ length: 20 }, (_, n) =>
      n % 2 === 0
        ? abandonRequest(
            sim.url,
            {
              method: 'POST',
              path: `/api/v2/import?sourceName=gone&sourceRef=${n}`,
              headers: Object.entries(uploadHeaders(tenant, { 'content-type': contentType })),
              body,
            },
            300 + body.length / 2,
          )
        : abandonRequest(
            sim.url,
            {
              method: 'POST',
              path: '/api/v1/import/sample',
              headers: Object.entries(
                uploadHeaders(tenant, { 'content-type': 'application/json' }),
              ),
              body: json,
            },
            200 + json.length / 2,
          ),
    );
    const staying = Array.from({ length: 5 }, (_, n) =>
      upload(sim.url, `${tenant}-ok`, `ok-${n}`, JSON.stringify({ persons: [person(`Q-${n}`)] })),
    );
    await Promise.all(vanishing);
    const kept = (await Promise.all(staying)).map(idOf);

    const created = (await listIds()).filter((id) => !before.includes(id));
    expect(created.sort()).toEqual([...kept].sort());
    const stats = await control<{ uploadsInFlight: number }>(sim.url, '/stats');
    expect(stats.uploadsInFlight).toBe(0);
  });

  it('lets a request reuse the x-request-id of one whose client vanished', async () => {
    const tenant = freshTenant();
    const file = JSON.stringify({ persons: [person('P-1')] });
    const { contentType, body } = multipart([{ content: file }]);
    const headers = uploadHeaders(tenant, {
      'content-type': contentType,
      'x-request-id': 'vanish',
    });

    await abandonRequest(
      sim.url,
      {
        method: 'POST',
        path: '/api/v2/import?sourceName=a&sourceRef=1',
        headers: Object.entries(headers),
        body,
      },
      250,
    );
    const retried = await call(sim.url, '/api/v2/import?sourceName=a&sourceRef=1', {
      method: 'POST',
      headers,
      body,
    });

    expect(await waitForStatus(sim.url, idOf(retried), ['DONE'])).toMatchObject({
      statusCode: 'DONE',
    });
  });

  it('survives a client aborting with fetch mid-stream', async () => {
    const tenant = freshTenant();
    const before = await listIds();
    const { contentType, body } = multipart([
      { content: JSON.stringify({ persons: [person('P-1')] }) },
    ]);
    const abort = new AbortController();
    const stream = new ReadableStream<Uint8Array>({
      start: async (controller) => {
        controller.enqueue(body.subarray(0, 40));
        await new Promise((resolve) => setTimeout(resolve, 50));
        abort.abort();
      },
    });

    await expect(
      fetch(`${sim.url}/api/v2/import?sourceName=a&sourceRef=1`, {
        method: 'POST',
        headers: uploadHeaders(tenant, { 'content-type': contentType }),
        body: stream,
        duplex: 'half',
        signal: abort.signal,
      }),
    ).rejects.toThrow();

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await listIds()).toEqual(before);
    expect((await read('DIM-0')).status).toBe(404);
  });
});
