/**
 * Random malformed requests over real sockets (support/malformed-request.ts). Whatever
 * arrives, the simulator answers without a 5xx, every error in the envelope, it keeps
 * answering, and the processes that existed before are exactly as they were.
 *
 * CI runs a few hundred requests per suite with a fixed seed, shown in the test names.
 * FUZZ_RUNS=5000 runs more; FUZZ_SEED=n replays another seed. A failure is shrunk by
 * fast-check to the smallest request that still fails, and printed with its seed and path.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRequest, malformedRequest, type RequestWorld } from './support/malformed-request.js';
import { rawExchange } from './support/raw-http.js';
import {
  call,
  control,
  expectEnvelopeError,
  idOf,
  invalidPerson,
  multipart,
  person,
  startReliabilitySimulator,
  TOKEN,
  type Data,
  type ReliabilitySimulator,
} from './support/reliability-simulator.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_241_204);
const FIXTURES = 'FIX';

interface Target {
  readonly sim: ReliabilitySimulator;
  readonly world: RequestWorld;
  /** Reads the fixtures as their owner sees them. */
  readonly fixtures: () => Promise<Data[]>;
}

/** Three processes that must not change: DONE, REJECTED and FAILED. */
async function createFixtures(sim: ReliabilitySimulator, token: string): Promise<string[]> {
  const fault = await call(sim.url, '/__simulator/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ match: { key: 'FX-FAILED' }, refuse: 'every' }),
  });
  expect(fault.status).toBe(201);
  const ids: string[] = [];
  for (const [ref, persons] of [
    ['done', [person('FX-DONE')]],
    ['rejected', [person('FX-OK'), invalidPerson('FX-BAD')]],
    ['failed', [person('FX-FAILED')]],
  ] as const) {
    const { contentType, body } = multipart([{ content: JSON.stringify({ persons }) }]);
    ids.push(
      idOf(
        await call(sim.url, `/api/v2/import?sourceName=fix&sourceRef=${ref}`, {
          method: 'POST',
          headers: {
            'x-auth-token': token,
            'x-leaf-tenant-code': FIXTURES,
            'content-type': contentType,
          },
          body,
        }),
      ),
    );
  }
  return ids;
}

/** One request: no 5xx, an error is the envelope, and the fixtures are as they were. */
async function sendAndCheck(
  target: Target,
  expected: readonly Data[],
  request: Parameters<typeof encodeRequest>[0],
): Promise<void> {
  const { bytes, halfClose } = encodeRequest(request);
  const answer = await rawExchange(target.sim.url, bytes, { halfClose });

  expect(answer.status, answer.text).toBeLessThan(500);
  if (answer.status >= 400 && request.method !== 'HEAD') expectEnvelopeError(answer.body);
  expect(await target.fixtures()).toEqual(expected);
}

function fuzz(name: string, setUp: () => Promise<Target>): void {
  describe(name, () => {
    let target: Target;
    let expected: Data[];

    beforeAll(async () => {
      target = await setUp();
      expected = await target.fixtures();
    });
    afterAll(async () => {
      await target.sim.close();
    });

    it(`answers ${RUNS} random malformed requests without a 5xx and changes no process (seed ${SEED})`, async () => {
      await fc.assert(
        fc.asyncProperty(malformedRequest(target.world), (request) =>
          sendAndCheck(target, expected, request),
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: false },
      );

      expect(target.sim.internalErrors).toEqual([]);
      const health = await call(target.sim.url, '/openapi.json');
      expect(health.status).toBe(200);
    }, 120_000);
  });
}

fuzz('without users', async () => {
  const sim = await startReliabilitySimulator();
  const ids = await createFixtures(sim, TOKEN);
  return {
    sim,
    world: {
      validTokens: [TOKEN, 'another-token'],
      tenants: ['FUZZ', 'OTHER'],
      knownIds: [],
      // Without users any token may act on any process: a valid action on a fixture
      // would be a well-formed request, which is not what this suite sends.
      forbiddenIds: ids,
    },
    fixtures: async () => Promise.all(ids.map((id) => control<Data>(sim.url, `/processes/${id}`))),
  };
});

fuzz('with users: the fuzzer may not see the fixtures', async () => {
  const sim = await startReliabilitySimulator({
    users: [
      { username: 'owner', password: 'pw-owner', tenants: [FIXTURES] },
      { username: 'fuzzer', password: 'pw-fuzzer', tenants: ['FUZZ'] },
    ],
  });
  const login = async (username: string, password: string): Promise<string> => {
    const answer = await call(sim.url, '/api/v1/employees/authorise', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return String((answer.body as { data: { token: string } }).data.token);
  };
  const owner = await login('owner', 'pw-owner');
  const ids = await createFixtures(sim, owner);
  return {
    sim,
    world: {
      validTokens: [await login('fuzzer', 'pw-fuzzer')],
      tenants: ['FUZZ', FIXTURES],
      // Here the fixtures are fair game: the fuzzer's token must not reach them.
      knownIds: ids,
      forbiddenIds: [],
    },
    fixtures: async () =>
      Promise.all(
        ids.map(async (id) => {
          const read = await call(sim.url, `/api/v1/import/status/${id}`, {
            headers: { 'x-auth-token': owner },
          });
          return { status: read.status, body: read.body };
        }),
      ),
  };
});
