import { describe, expect, it } from 'vitest';
import {
  expectRefusal,
  idOf,
  person,
  rawRequest,
  startTestSimulator,
  statusOf,
  TENANT,
  uploadFile,
  type TestSimulator,
  useTestSimulator,
} from './support.js';

let sim: TestSimulator;

useTestSimulator((started) => (sim = started));

const envelope = (data: unknown): unknown => ({ errors: null, validationErrors: null, data });

describe('control API', () => {
  it('reset forgets processes, created entities, fault rules and batch claims', async () => {
    await sim.control.addFault({ match: { key: 'P-9' }, refuse: 'every' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    const reset = await sim.control.reset();

    expect(reset.status).toBe(200);
    expect(reset.body).toEqual(envelope({ reset: true }));
    expect((await sim.api.status(id)).status).toBe(404);
    expect((await sim.control.created(TENANT)).data).toEqual({ entities: [] });
    expect((await sim.api.raw('GET', '/__simulator/faults')).data).toEqual({ faults: [] });
    expect((await uploadFile(sim.api, { persons: [person('P-1')] }, 'b')).status).toBe(202);
  });

  it('config shows the defaults, and a change applies from then on', async () => {
    const before = await sim.api.raw('GET', '/__simulator/config');
    expect(before.body).toEqual(
      envelope({
        pace: 'instant',
        discardFromFailed: 'keep-created',
        sameFileReferences: false,
        uniqueSourceRef: true,
      }),
    );

    const changed = await sim.control.configure({ pace: 'step', sameFileReferences: true });

    expect(changed.status).toBe(200);
    expect(changed.data).toEqual({
      pace: 'step',
      discardFromFailed: 'keep-created',
      sameFileReferences: true,
      uniqueSourceRef: true,
    });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));
    expect(await statusOf(sim.api, id)).toBe('PARSING');
  });

  it('config refuses an unknown pace with 400 err.controlRequestInvalid', async () => {
    const response = await rawRequest(`${sim.url}/__simulator/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pace: 'fast' }),
    });

    expectRefusal(response, 400, 'err.controlRequestInvalid');
  });

  it('config refuses a body that is not JSON with 400 err.controlRequestInvalid', async () => {
    const response = await rawRequest(`${sim.url}/__simulator/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"pace":',
    });

    expectRefusal(response, 400, 'err.controlRequestInvalid');
  });

  it('config discardFromFailed rollback makes a full discard remove created entities', async () => {
    await sim.control.configure({ discardFromFailed: 'rollback' });
    await sim.control.addFault({ match: { key: 'P-2' }, refuse: 'every' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1'), person('P-2')] }, 'b'));
    expect((await sim.control.created(TENANT)).data?.entities).toHaveLength(1);

    expect((await sim.api.act('discard', id)).data?.statusCode).toBe('DISCARDED');

    expect((await sim.control.created(TENANT)).data).toEqual({ entities: [] });
  });

  it('keeps created entities on a full discard from FAILED by default', async () => {
    await sim.control.addFault({ match: { key: 'P-2' }, refuse: 'every' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1'), person('P-2')] }, 'b'));

    expect((await sim.api.act('discard', id)).data?.statusCode).toBe('DISCARDED');

    expect((await sim.control.created(TENANT)).data).toEqual({
      entities: [{ type: 'PERSON.PERSON', key: 'P-1', processId: id, reference: null }],
    });
  });

  it('faults can be added, listed and cleared', async () => {
    const added = await sim.control.addFault({
      match: { type: 'PERSON.PERSON', key: 'P-1' },
      refuse: { first: 2 },
    });
    const second = await sim.control.addFault({ refuse: 'every' });

    expect(added.status).toBe(201);
    expect(added.body).toEqual(
      envelope({
        id: expect.any(String) as unknown,
        match: { type: 'PERSON.PERSON', key: 'P-1' },
        refuse: { first: 2 },
        sends: 0,
      }),
    );
    expect(second.data).toMatchObject({ match: {}, refuse: 'every', sends: 0 });
    const listed = await sim.api.raw('GET', '/__simulator/faults');
    expect(listed.data).toEqual({ faults: [added.data, second.data] });

    const cleared = await sim.control.clearFaults();

    expect(cleared.status).toBe(200);
    expect((await sim.api.raw('GET', '/__simulator/faults')).data).toEqual({ faults: [] });
  });

  it('fault listing shows how many matching sends each rule has seen', async () => {
    await sim.control.addFault({ match: { type: 'PERSON.PERSON' }, refuse: { first: 1 } });

    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1'), person('P-2')] }, 'b'));

    expect(await statusOf(sim.api, id)).toBe('FAILED');
    const listed = await sim.api.raw('GET', '/__simulator/faults');
    expect(listed.data).toMatchObject({ faults: [{ sends: 2 }] });
  });

  it.each([
    [{ refuse: 'sometimes' }],
    [{ refuse: { first: 0 } }],
    [{ match: { type: 'PERSON' }, refuse: 'every' }],
    [{ match: { key: '' }, refuse: 'every' }],
    [{ refuse: 'every', extra: true }],
  ])('faults refuse the malformed rule %j with 400 err.controlRequestInvalid', async (rule) => {
    const response = await rawRequest(`${sim.url}/__simulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rule),
    });

    expectRefusal(response, 400, 'err.controlRequestInvalid');
  });

  it('inspect shows tenant, status, entities and history of a process', async () => {
    await sim.control.addFault({ match: { key: 'P-2' }, refuse: 'every' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1'), person('P-2')] }, 'b'));

    const inspection = await sim.control.inspect(id);

    expect(inspection.status).toBe(200);
    expect(inspection.data?.tenant).toBe(TENANT);
    expect(inspection.data?.technicalError).toBeNull();
    expect(inspection.data?.status).toEqual((await sim.api.status(id)).data);
    expect(inspection.data?.entities).toEqual([
      {
        type: 'PERSON.PERSON',
        key: 'P-1',
        status: 'CREATED',
        sends: 1,
        retrySends: 0,
        lastSend: 'acked',
        refusal: null,
        problems: [],
      },
      {
        type: 'PERSON.PERSON',
        key: 'P-2',
        status: 'NOT_CREATED',
        sends: 1,
        retrySends: 0,
        lastSend: 'nacked',
        refusal: expect.stringMatching(/^refused by fault rule /) as unknown,
        problems: [],
      },
    ]);
    expect(
      inspection.data?.history.map((entry) => [entry.transition, entry.from, entry.to]),
    ).toEqual([
      ['T-1', null, 'INSERTED'],
      ['T-2', 'INSERTED', 'PARSING'],
      ['T-4', 'PARSING', 'PARSED'],
      ['T-5', 'PARSED', 'VALIDATING'],
      ['T-7', 'VALIDATING', 'APPROVED'],
      ['T-8', 'APPROVED', 'SENDING'],
      ['T-11', 'SENDING', 'FAILED'],
    ]);
    for (const entry of inspection.data?.history ?? []) {
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    }
  });

  it('inspect shows why technical validation failed; the status keeps its nulls', async () => {
    const upload = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: 'b',
      parts: [{ content: '{"persons": 3}' }],
    });

    const inspection = await sim.control.inspect(idOf(upload));

    expect(inspection.data?.status.statusCode).toBe('ERROR');
    expect(inspection.data?.status.validationErrors).toBeNull();
    expect(inspection.data?.technicalError).toEqual(expect.stringContaining('persons'));
  });

  it('inspect and advance answer an unknown id with 404 err.importProcessNotFound', async () => {
    expectRefusal(await sim.control.inspect('DIM-404'), 404, 'err.importProcessNotFound');
    expectRefusal(await sim.control.advance('DIM-404'), 404, 'err.importProcessNotFound');
  });

  it('advance performs one transition without a read, and says when none is due', async () => {
    await sim.control.configure({ pace: 'step' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    const first = await sim.control.advance(id);
    const second = await sim.control.advance(id);

    expect(first.data).toMatchObject({ advanced: true, status: { statusCode: 'PARSING' } });
    expect(second.data).toMatchObject({ advanced: true, status: { statusCode: 'PARSED' } });
    for (let step = 0; step < 4; step++) await sim.control.advance(id);
    const last = await sim.control.advance(id);
    expect(last.data).toMatchObject({ advanced: false, status: { statusCode: 'DONE' } });
  });

  it('lists the entities created in a tenant with the process that created them', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1'), person('P-2')] }, 'b'));

    const created = await sim.control.created(TENANT);

    expect(created.status).toBe(200);
    expect(created.data).toEqual({
      entities: [
        { type: 'PERSON.PERSON', key: 'P-1', processId: id, reference: null },
        { type: 'PERSON.PERSON', key: 'P-2', processId: id, reference: null },
      ],
    });
    expect((await sim.control.created('empty-tenant')).data).toEqual({ entities: [] });
  });

  it('is not mounted when the simulator is started without it', async () => {
    const bare = await startTestSimulator({ controlApi: false });
    try {
      const response = await rawRequest(`${bare.url}/__simulator/reset`, { method: 'POST' });

      expectRefusal(response, 404, 'err.resourceNotFound');
    } finally {
      await bare.close();
    }
  });
});
