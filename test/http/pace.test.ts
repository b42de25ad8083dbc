import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportApiClient } from '../../client/import-api-client.js';
import {
  idOf,
  invalidPerson,
  OTHER_TENANT,
  person,
  statusOf,
  uploadFile,
  waitForStatus,
  type TestSimulator,
  useTestSimulator,
} from './support.js';

let sim: TestSimulator;

useTestSimulator((started) => (sim = started));

/** The statuses `count` successive reads show. */
async function reads(api: ImportApiClient, id: string, count: number): Promise<string[]> {
  const seen: string[] = [];
  for (let read = 0; read < count; read++) seen.push((await statusOf(api, id)) ?? 'none');
  return seen;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("pace 'step'", () => {
  beforeEach(async () => {
    await sim.control.configure({ pace: 'step' });
  });

  it('shows every intermediate status, one transition per status read', async () => {
    const upload = await uploadFile(sim.api, { persons: [person('P-1')] }, 'b');
    expect(upload.data?.statusCode).toBe('INSERTED');

    expect(await reads(sim.api, idOf(upload), 7)).toEqual([
      'PARSING',
      'PARSED',
      'VALIDATING',
      'APPROVED',
      'SENDING',
      'DONE',
      'DONE',
    ]);
  });

  it('shows a rejection, then the valid rest going on after discard-rejected', async () => {
    const id = idOf(
      await uploadFile(sim.api, { persons: [person('P-1'), invalidPerson('P-2')] }, 'b'),
    );
    expect(await reads(sim.api, id, 5)).toEqual([
      'PARSING',
      'PARSED',
      'VALIDATING',
      'REJECTED',
      'REJECTED',
    ]);

    const action = await sim.api.act('discard-rejected-entities', id);

    expect(action.data?.statusCode).toBe('PARTIALLY_APPROVED');
    expect(await reads(sim.api, id, 3)).toEqual(['SENDING', 'PARTIALLY_DONE', 'PARTIALLY_DONE']);
  });

  it('shows a file that is not JSON going through PARSING to ERROR', async () => {
    const upload = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: 'b',
      parts: [{ content: '{"persons": [' }],
    });

    expect(await reads(sim.api, idOf(upload), 3)).toEqual(['PARSING', 'ERROR', 'ERROR']);
  });

  it('fills validation fields from VALIDATING on and dispatch fields from SENDING on', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));
    await reads(sim.api, id, 1);

    const parsed = (await sim.api.status(id)).data;
    const validating = (await sim.api.status(id)).data;
    const approved = (await sim.api.status(id)).data;
    const sending = (await sim.api.status(id)).data;

    expect(parsed).toMatchObject({
      statusCode: 'PARSED',
      validationId: null,
      validationStatus: null,
      validationErrors: null,
    });
    expect(validating).toMatchObject({ statusCode: 'VALIDATING', validationErrors: [] });
    expect(validating?.validationStatus?.[3]).toMatchObject({
      sourceName: 'PERSON.PERSON',
      statusCode: 'SUCCESS',
      entryCount: 1,
      processedCount: 0,
    });
    expect(approved).toMatchObject({ statusCode: 'APPROVED', dispatchId: null });
    expect(sending?.statusCode).toBe('SENDING');
    expect(sending?.dispatchId).toMatch(/^DIM-\d+$/);
    expect(sending?.dispatchStatus?.[3]).toMatchObject({
      statusCode: 'IN_PROGRESS',
      dispatchedCount: 1,
      ackedCount: 0,
    });
  });

  it("does not advance on a read refused for another tenant's header", async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    expect((await sim.api.status(id, { tenant: OTHER_TENANT })).status).toBe(404);

    expect((await sim.control.inspect(id)).data?.status.statusCode).toBe('INSERTED');
  });

  it('V-6 at dispatch refuses one new person in the later of two validated imports', async () => {
    const first = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b-1'));
    const second = idOf(
      await uploadFile(sim.api, { persons: [person('P-1'), person('P-2')] }, 'b-2'),
    );
    // Both reach SENDING: P-1 did not exist when either was validated.
    expect((await reads(sim.api, first, 5)).at(-1)).toBe('SENDING');
    expect((await reads(sim.api, second, 5)).at(-1)).toBe('SENDING');

    expect(await statusOf(sim.api, first)).toBe('DONE');
    const failed = (await sim.api.status(second)).data;

    expect(failed?.statusCode).toBe('FAILED');
    expect(failed?.dispatchStatus?.[3]).toMatchObject({
      sourceName: 'PERSON.PERSON',
      statusCode: 'FAILED',
      entryCount: 2,
      dispatchedCount: 2,
      ackedCount: 1,
      nackedCount: 1,
      retryCount: 0,
    });
    const inspection = await sim.control.inspect(second);
    expect(inspection.data?.entities[0]).toMatchObject({
      key: 'P-1',
      status: 'NOT_CREATED',
      refusal: 'P-1 already exists in the tenant',
    });
  });
});

describe('a pace in milliseconds', () => {
  beforeEach(async () => {
    await sim.control.configure({ pace: 5 });
  });

  it('answers H-1 with INSERTED and eventually reaches the final status on its own', async () => {
    const upload = await uploadFile(sim.api, { persons: [person('P-1')] }, 'b');
    expect(upload.data?.statusCode).toBe('INSERTED');

    const done = await waitForStatus(sim.api, idOf(upload), ['DONE']);

    expect(done.dispatchStatus?.[3]?.ackedCount).toBe(1);
    const history = (await sim.control.inspect(idOf(upload))).data?.history ?? [];
    expect(history.map((entry) => entry.transition)).toEqual([
      'T-1',
      'T-2',
      'T-4',
      'T-5',
      'T-7',
      'T-8',
      'T-9',
    ]);
  });

  it('answers H-6 with SENDING, and the retry then settles on its own', async () => {
    await sim.control.addFault({ match: { key: 'P-1' }, refuse: { first: 1 } });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));
    await waitForStatus(sim.api, id, ['FAILED']);

    const retry = await sim.api.act('retry', id);

    expect(retry.data?.statusCode).toBe('SENDING');
    await waitForStatus(sim.api, id, ['DONE']);
  });
});

describe("pace 'instant': actions answer with their own transition's status", () => {
  it('H-1 answers INSERTED though the process is DONE by the next read', async () => {
    const upload = await uploadFile(sim.api, { persons: [person('P-1')] }, 'b');

    expect(upload.data?.statusCode).toBe('INSERTED');
    expect(await statusOf(sim.api, idOf(upload))).toBe('DONE');
  });

  it('H-3 answers DISCARDED', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [invalidPerson('P-1')] }, 'b'));

    expect((await sim.api.act('discard', id)).data?.statusCode).toBe('DISCARDED');
  });

  it('H-4 answers PARTIALLY_APPROVED though the next read shows PARTIALLY_DONE', async () => {
    const id = idOf(
      await uploadFile(sim.api, { persons: [person('P-1'), invalidPerson('P-2')] }, 'b'),
    );

    expect((await sim.api.act('discard-rejected-entities', id)).data?.statusCode).toBe(
      'PARTIALLY_APPROVED',
    );
    expect(await statusOf(sim.api, id)).toBe('PARTIALLY_DONE');
  });

  it('H-5 answers DISCARDED when nothing was ever created', async () => {
    await sim.control.addFault({ match: { key: 'P-1' }, refuse: 'every' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    expect((await sim.api.act('discard-failed-entities', id)).data?.statusCode).toBe('DISCARDED');
  });

  it('H-6 answers SENDING though the retry has failed again by the next read', async () => {
    await sim.control.addFault({ match: { key: 'P-1' }, refuse: 'every' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    expect((await sim.api.act('retry', id)).data?.statusCode).toBe('SENDING');
    expect(await statusOf(sim.api, id)).toBe('FAILED');
  });
});

describe('changing the pace at run time', () => {
  it("lets a process waiting under 'step' run on when the pace becomes 'instant'", async () => {
    await sim.control.configure({ pace: 'step' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));
    expect(await statusOf(sim.api, id)).toBe('PARSING');

    await sim.control.configure({ pace: 'instant' });

    expect(await statusOf(sim.api, id)).toBe('DONE');
  });

  it("cancels transitions scheduled under a delay when the pace becomes 'step'", async () => {
    await sim.control.configure({ pace: 30 });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    await sim.control.configure({ pace: 'step' });
    await pause(100);

    expect((await sim.control.inspect(id)).data?.status.statusCode).toBe('INSERTED');
    expect(await statusOf(sim.api, id)).toBe('PARSING');
  });
});

describe('D-2: two actions racing on one process', () => {
  it('lets exactly one win; the other is judged against the status the winner left', async () => {
    const id = idOf(
      await uploadFile(sim.api, { persons: [person('P-1'), invalidPerson('P-2')] }, 'b'),
    );

    const answers = await Promise.all([
      sim.api.act('discard', id),
      sim.api.act('discard-rejected-entities', id),
    ]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(answers.find((answer) => answer.status === 400)?.errors).toEqual([
      'err.importProcessStatusInvalid',
    ]);
  });

  it('lets one of two racing retries send again; the other is refused', async () => {
    await sim.control.configure({ pace: 'step' });
    await sim.control.addFault({ match: { key: 'P-1' }, refuse: 'every' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));
    expect((await reads(sim.api, id, 6)).at(-1)).toBe('FAILED');

    const answers = await Promise.all([sim.api.act('retry', id), sim.api.act('retry', id)]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect((await sim.control.inspect(id)).data?.entities[0]?.retrySends).toBe(1);
  });
});
