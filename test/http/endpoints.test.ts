import { describe, expect, it } from 'vitest';
import { ImportApiClient } from '../../client/import-api-client.js';
import {
  idOf,
  invalidPerson,
  multipart,
  person,
  rawRequest,
  startTestSimulator,
  statusOf,
  TENANT,
  TOKEN,
  uploadFile,
  type TestSimulator,
  useTestSimulator,
} from './support.js';

const dim = expect.stringMatching(/^DIM-\d+$/) as unknown;

const validationRow = (sourceName: string, entries: number, status = 'SUCCESS'): unknown => ({
  validationStatusId: dim,
  sourceName,
  statusCode: status,
  entryCount: entries,
  processedCount: entries,
  message: null,
});

const dispatchRow = (
  sourceName: string,
  [statusCode, entryCount, dispatchedCount, ackedCount, nackedCount, retryCount]: [
    string,
    number,
    number,
    number,
    number,
    number,
  ],
): unknown => ({
  dispatchStatusId: dim,
  sourceName,
  statusCode,
  entryCount,
  dispatchedCount,
  ackedCount,
  nackedCount,
  retryCount,
  message: null,
});

let sim: TestSimulator;

useTestSimulator((started) => (sim = started));

describe('H-1 POST /api/v2/import', () => {
  it('H-1 answers 202 with the envelope and the status object in INSERTED', async () => {
    const response = await uploadFile(sim.api, { persons: [person('P-1')] }, '00123');

    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      errors: null,
      validationErrors: null,
      data: {
        importProcessId: dim,
        source: { sourceName: 'legacy-core', sourceRef: '00123', sourceLink: null },
        statusCode: 'INSERTED',
        validationId: null,
        dispatchId: null,
        validationStatus: null,
        validationErrors: null,
        dispatchStatus: null,
      },
    });
  });

  it('H-1 accepts a single part under any name', async () => {
    const response = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: '1',
      parts: [{ name: 'upload', content: JSON.stringify({ persons: [person('P-1')] }) }],
    });

    expect(await statusOf(sim.api, idOf(response))).toBe('DONE');
  });

  it('H-1 accepts a plain text field as the only part', async () => {
    const response = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: '1',
      parts: [{ content: JSON.stringify({ persons: [person('P-1')] }), filename: null }],
    });

    expect(await statusOf(sim.api, idOf(response))).toBe('DONE');
  });

  it('H-1 accepts an empty part, which then ends in ERROR', async () => {
    const { contentType, body } = multipart([{ name: 'file', content: '', filename: 'a.json' }]);

    const response = await rawRequest(`${sim.url}/api/v2/import?sourceName=s&sourceRef=1`, {
      method: 'POST',
      headers: { 'x-auth-token': TOKEN, 'x-leaf-tenant-code': TENANT, 'content-type': contentType },
      body,
    });

    expect(response.status).toBe(202);
    const id = (response.data as { importProcessId: string }).importProcessId;
    expect(await statusOf(sim.api, id)).toBe('ERROR');
  });
});

describe('H-2 GET /api/v1/import/status/{importProcessId}', () => {
  it('H-2 answers 200 with the full status object of a finished import', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, '00123'));

    const response = await sim.api.status(id);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      errors: null,
      validationErrors: null,
      data: {
        importProcessId: id,
        source: { sourceName: 'legacy-core', sourceRef: '00123', sourceLink: null },
        statusCode: 'DONE',
        validationId: dim,
        dispatchId: dim,
        validationStatus: [
          validationRow('ACCOUNT.ACCOUNT_TRANSACTION', 0),
          validationRow('ACCOUNT.ACCOUNT', 0),
          validationRow('LOAN.CONTRACT', 0),
          validationRow('PERSON.PERSON', 1),
        ],
        validationErrors: [],
        dispatchStatus: [
          dispatchRow('ACCOUNT.ACCOUNT_TRANSACTION', ['SUCCESS', 0, 0, 0, 0, 0]),
          dispatchRow('ACCOUNT.ACCOUNT', ['SUCCESS', 0, 0, 0, 0, 0]),
          dispatchRow('LOAN.CONTRACT', ['SUCCESS', 0, 0, 0, 0, 0]),
          dispatchRow('PERSON.PERSON', ['SUCCESS', 1, 1, 1, 0, 0]),
        ],
      },
    });
  });

  it('H-2 needs no tenant header: process ids are global', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, '1'));

    const response = await sim.api.status(id, { tenant: null });

    expect(response.status).toBe(200);
  });
});

describe('H-3 … H-6: the actions', () => {
  it('H-3 discard answers 200 with the process in DISCARDED', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [invalidPerson('P-1')] }, '1'));
    expect(await statusOf(sim.api, id)).toBe('REJECTED');

    const response = await sim.api.act('discard', id);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      errors: null,
      validationErrors: null,
      data: { importProcessId: id, statusCode: 'DISCARDED' },
    });
  });

  it('H-4 discard-rejected-entities answers 200 with PARTIALLY_APPROVED', async () => {
    const collections = { persons: [person('P-1'), invalidPerson('P-2')] };
    const id = idOf(await uploadFile(sim.api, collections, '1'));

    const response = await sim.api.act('discard-rejected-entities', id);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      errors: null,
      validationErrors: null,
      data: { importProcessId: id, statusCode: 'PARTIALLY_APPROVED' },
    });
    expect(await statusOf(sim.api, id)).toBe('PARTIALLY_DONE');
  });

  it('H-5 discard-failed-entities answers 200 with PARTIALLY_DONE', async () => {
    await sim.control.addFault({ match: { key: 'P-2' }, refuse: 'every' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1'), person('P-2')] }, '1'));
    expect(await statusOf(sim.api, id)).toBe('FAILED');

    const response = await sim.api.act('discard-failed-entities', id);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      errors: null,
      validationErrors: null,
      data: { importProcessId: id, statusCode: 'PARTIALLY_DONE' },
    });
  });

  it('H-6 retry answers 200 with SENDING, and the retry then runs on', async () => {
    await sim.control.addFault({ match: { key: 'P-1' }, refuse: { first: 1 } });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, '1'));
    expect(await statusOf(sim.api, id)).toBe('FAILED');

    const response = await sim.api.act('retry', id);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      errors: null,
      validationErrors: null,
      data: { importProcessId: id, statusCode: 'SENDING' },
    });
    const done = await sim.api.status(id);
    expect(done.data?.statusCode).toBe('DONE');
    expect(done.data?.dispatchStatus?.[3]).toMatchObject({
      sourceName: 'PERSON.PERSON',
      statusCode: 'SUCCESS',
      dispatchedCount: 1,
      ackedCount: 1,
      nackedCount: 0,
      retryCount: 1,
    });
  });
});

describe('H-7 POST /api/v1/employees/authorise', () => {
  it('H-7 answers 200 with a token for any credentials when no users are configured', async () => {
    const response = await sim.api.authorise('anyone', 'anything');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      errors: null,
      validationErrors: null,
      data: { token: expect.any(String) as unknown },
    });
    expect(response.data?.token).not.toBe('');
  });

  it('H-7 issues a token that the API then accepts when users are configured', async () => {
    const guarded = await startTestSimulator({ users: [{ username: 'ops', password: 's3cret' }] });
    try {
      const api = new ImportApiClient({ baseUrl: guarded.url, tenant: TENANT });
      const login = await api.authorise('ops', 's3cret');
      expect(login.status).toBe(200);
      api.useToken(login.data?.token ?? '');

      const response = await uploadFile(api, { persons: [person('P-1')] }, '1');

      expect(response.status).toBe(202);
    } finally {
      await guarded.close();
    }
  });
});

describe('H-8 POST /api/v1/import/sample', () => {
  it('H-8 answers 202 with INSERTED, the source taken from the body', async () => {
    const response = await sim.api.uploadJson({
      source: { sourceName: 'legacy-core', sourceRef: '00123' },
      document: { persons: [person('P-1')] },
    });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      errors: null,
      validationErrors: null,
      data: {
        importProcessId: dim,
        source: { sourceName: 'legacy-core', sourceRef: '00123', sourceLink: null },
        statusCode: 'INSERTED',
        validationId: null,
        dispatchId: null,
        validationStatus: null,
        validationErrors: null,
        dispatchStatus: null,
      },
    });
  });

  it('H-8 runs the collections of the body like an uploaded file', async () => {
    const response = await sim.api.uploadJson({
      source: { sourceName: 'legacy-core', sourceRef: '1' },
      document: { persons: [person('P-1'), person('P-2')] },
    });

    const id = idOf(response);
    expect(await statusOf(sim.api, id)).toBe('DONE');
    const created = await sim.control.created(TENANT);
    expect(created.data?.entities.map((entity) => entity.key).sort()).toEqual(['P-1', 'P-2']);
  });
});
