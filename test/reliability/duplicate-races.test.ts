/**
 * The same thing twice at once, over real sockets: imports of the same persons racing to
 * dispatch (V-6 at dispatch), and repeated x-request-ids arriving together. After each test
 * the invariants C-1…C-4 and S-1 are checked from outside (support/race-simulator.ts).
 */
import { describe, expect, it } from 'vitest';
import { worldViolations } from './support/invariants.js';
import { useRaceSimulator } from './support/race-simulator.js';
import {
  call,
  control,
  idOf,
  person,
  startReliabilitySimulator,
  TOKEN,
  upload,
  waitForStatus,
  type Answer,
  type Data,
} from './support/reliability-simulator.js';

const sim = useRaceSimulator();
const { act, freshTenant, listIds, processIn } = sim;

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
