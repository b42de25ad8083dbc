import { describe, expect, it } from 'vitest';
import {
  idOf,
  importFile,
  invalidPerson,
  multipart,
  person,
  statusOf,
  TENANT,
  TOKEN,
  uploadFile,
  type TestSimulator,
  useTestSimulator,
} from './support.js';

let sim: TestSimulator;

useTestSimulator((started) => (sim = started));

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const createdKeys = async (): Promise<string[]> =>
  ((await sim.control.created(TENANT)).data?.entities ?? []).map((entity) => entity.key).sort();

/** A FAILED process whose only person is refused once, so a retry creates it. */
async function failedOnce(): Promise<string> {
  await sim.control.addFault({ match: { key: 'P-1' }, refuse: { first: 1 } });
  const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'failing'));
  expect(await statusOf(sim.api, id)).toBe('FAILED');
  return id;
}

describe('x-request-id', () => {
  it('answers a repeated id with the first status and body, even for another payload', async () => {
    const first = await uploadFile(sim.api, { persons: [person('P-1')] }, '1', {
      requestId: 'req-1',
    });

    const repeat = await uploadFile(sim.api, { persons: [person('P-2')] }, '2', {
      requestId: 'req-1',
    });

    expect(first.status).toBe(202);
    expect(repeat.status).toBe(202);
    expect(repeat.body).toEqual(first.body);
  });

  it('performs nothing again for a repeated id: no new process, entity or claim', async () => {
    await uploadFile(sim.api, { persons: [person('P-1')] }, '1', { requestId: 'req-1' });

    await uploadFile(sim.api, { persons: [person('P-2')] }, '2', { requestId: 'req-1' });

    expect(await createdKeys()).toEqual(['P-1']);
    // Batch 2 was never claimed: the repeat created no process for it.
    expect((await uploadFile(sim.api, { persons: [person('P-2')] }, '2')).status).toBe(202);
  });

  it('lets a corrected request reuse the id of a refused one', async () => {
    const refused = await sim.api.upload({
      sourceName: 'legacy-core',
      requestId: 'req-2',
      parts: [{ content: importFile({ persons: [person('P-1')] }) }],
    });
    expect(refused.status).toBe(400);

    const corrected = await uploadFile(sim.api, { persons: [person('P-1')] }, '1', {
      requestId: 'req-2',
    });

    expect(corrected.status).toBe(202);
    expect(await statusOf(sim.api, idOf(corrected))).toBe('DONE');
    expect(await createdKeys()).toEqual(['P-1']);
  });

  it('gives concurrent duplicates one effect and the same answer', async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        uploadFile(sim.api, { persons: [person(`P-${n}`)] }, `batch-${n}`, { requestId: 'req-3' }),
      ),
    );

    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual(answers[0]?.body);
    }
    expect(await createdKeys()).toHaveLength(1);
  });

  it('makes a duplicate that arrives while the first is being handled wait for it', async () => {
    const { contentType, body } = multipart([
      { name: 'file', content: importFile({ persons: [person('P-1')] }), filename: 'a.json' },
    ]);
    const half = Math.floor(body.length / 2);
    let finishedAt = 0;
    // The first upload sends half its body, pauses, then sends the rest.
    const slowBody = new ReadableStream<Uint8Array>({
      async start(stream) {
        stream.enqueue(new TextEncoder().encode(body.slice(0, half)));
        await pause(150);
        stream.enqueue(new TextEncoder().encode(body.slice(half)));
        stream.close();
      },
    });
    const headers = {
      'x-auth-token': TOKEN,
      'x-leaf-tenant-code': TENANT,
      'x-request-id': 'req-slow',
      'content-type': contentType,
    };
    const first = fetch(`${sim.url}/api/v2/import?sourceName=s&sourceRef=1`, {
      method: 'POST',
      headers,
      body: slowBody,
      duplex: 'half',
    }).then(async (response) => {
      finishedAt = Date.now();
      return { status: response.status, body: await response.json() };
    });
    await pause(50);

    const duplicate = await uploadFile(sim.api, { persons: [person('P-2')] }, '2', {
      requestId: 'req-slow',
    });
    const answeredAt = Date.now();
    const original = await first;

    expect(original.status).toBe(202);
    expect(duplicate.status).toBe(202);
    expect(duplicate.body).toEqual(original.body);
    expect(answeredAt).toBeGreaterThanOrEqual(finishedAt);
    expect(await createdKeys()).toEqual(['P-1']);
  });

  it('honours the id on H-8 as on H-1', async () => {
    const upload = (key: string, ref: string): ReturnType<typeof sim.api.uploadJson> =>
      sim.api.uploadJson({
        source: { sourceName: 'legacy-core', sourceRef: ref },
        document: { persons: [person(key)] },
        requestId: 'req-4',
      });

    const first = await upload('P-1', '1');
    const repeat = await upload('P-2', '2');

    expect(repeat.body).toEqual(first.body);
    expect(await createdKeys()).toEqual(['P-1']);
  });

  it('retries once for a repeated retry id: one entity send counted, same answer', async () => {
    const id = await failedOnce();

    const first = await sim.api.act('retry', id, { requestId: 'retry-1' });
    const repeat = await sim.api.act('retry', id, { requestId: 'retry-1' });

    expect(first.status).toBe(200);
    expect(first.data?.statusCode).toBe('SENDING');
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    const inspection = await sim.control.inspect(id);
    expect(inspection.data?.entities[0]).toMatchObject({ key: 'P-1', sends: 2, retrySends: 1 });
    expect(inspection.data?.status.dispatchStatus?.[3]?.retryCount).toBe(1);
  });

  it('gives concurrent duplicate retries one effect', async () => {
    const id = await failedOnce();

    const answers = await Promise.all(
      [1, 2, 3].map(() => sim.api.act('retry', id, { requestId: 'retry-2' })),
    );

    for (const answer of answers) expect(answer.body).toEqual(answers[0]?.body);
    expect(answers[0]?.status).toBe(200);
    expect((await sim.control.inspect(id)).data?.entities[0]?.retrySends).toBe(1);
  });

  it('answers a repeated discard with the first success rather than a D-1 refusal', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [invalidPerson('P-1')] }, '1'));

    const first = await sim.api.act('discard', id, { requestId: 'discard-1' });
    const repeat = await sim.api.act('discard', id, { requestId: 'discard-1' });
    const withoutId = await sim.api.act('discard', id);

    expect(first.status).toBe(200);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect(withoutId.status).toBe(400);
  });

  it('does not de-duplicate requests with an empty id', async () => {
    const first = await uploadFile(sim.api, { persons: [person('P-1')] }, '1', { requestId: '' });
    const second = await uploadFile(sim.api, { persons: [person('P-2')] }, '2', { requestId: '' });

    expect(idOf(second)).not.toBe(idOf(first));
    expect(await createdKeys()).toEqual(['P-1', 'P-2']);
  });

  it('treats the same id under another token as another request', async () => {
    const first = await uploadFile(sim.api, { persons: [person('P-1')] }, '1', {
      requestId: 'req-5',
    });
    const other = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: '2',
      token: 'another-token',
      requestId: 'req-5',
      parts: [{ content: importFile({ persons: [person('P-2')] }) }],
    });

    expect(idOf(other)).not.toBe(idOf(first));
  });

  it('forgets every id on a control reset', async () => {
    const first = await uploadFile(sim.api, { persons: [person('P-1')] }, '1', {
      requestId: 'req-6',
    });
    await sim.control.reset();

    const after = await uploadFile(sim.api, { persons: [person('P-1')] }, '1', {
      requestId: 'req-6',
    });

    expect(idOf(after)).not.toBe(idOf(first));
  });
});
