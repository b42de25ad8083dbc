import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportApiClient } from '../../client/import-api-client.js';
import { systemClock, type Clock } from '../../simulator/engine/clock.js';
import {
  expectRefusal,
  idOf,
  importFile,
  invalidPerson,
  multipart,
  OTHER_TENANT,
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

let sim: TestSimulator;

useTestSimulator((started) => (sim = started));

const uploadHeaders = (contentType: string): Record<string, string> => ({
  'x-auth-token': TOKEN,
  'x-leaf-tenant-code': TENANT,
  'content-type': contentType,
});

describe('section 11: authentication', () => {
  const guarded: Array<[string, string]> = [
    ['POST', '/api/v2/import?sourceName=s&sourceRef=1'],
    ['GET', '/api/v1/import/status/DIM-1'],
    ['POST', '/api/v1/import/DIM-1/discard'],
    ['POST', '/api/v1/import/DIM-1/discard-rejected-entities'],
    ['POST', '/api/v1/import/DIM-1/discard-failed-entities'],
    ['POST', '/api/v1/import/DIM-1/retry'],
    ['POST', '/api/v1/import/sample'],
  ];

  it.each(guarded)(
    'answers %s %s without x-auth-token with 401 err.authTokenMissing',
    async (method, path) => {
      const response = await rawRequest(`${sim.url}${path}`, {
        method,
        headers: { 'x-leaf-tenant-code': TENANT },
      });

      expectRefusal(response, 401, 'err.authTokenMissing');
    },
  );

  describe('with users configured', () => {
    let now = Date.UTC(2024, 0, 1);
    const clock: Clock = {
      now: () => now,
      schedule: (ms, task) => systemClock.schedule(ms, task),
    };
    let guardedSim: TestSimulator;
    let api: ImportApiClient;

    beforeAll(async () => {
      guardedSim = await startTestSimulator({
        users: [{ username: 'ops', password: 's3cret' }],
        tokenTtlMs: 60_000,
        clock,
      });
      api = new ImportApiClient({ baseUrl: guardedSim.url, tenant: TENANT });
    });
    afterAll(async () => {
      await guardedSim.close();
    });

    it('answers a token it never issued with 401 err.authTokenInvalid', async () => {
      const response = await api.status('DIM-1', { token: 'made-up' });

      expectRefusal(response, 401, 'err.authTokenInvalid');
    });

    it('answers an expired token with 401 err.authTokenInvalid', async () => {
      const login = await api.authorise('ops', 's3cret');
      const token = login.data?.token ?? '';
      expect((await api.status('DIM-1', { token })).status).toBe(404);

      now += 60_001;
      const response = await api.status('DIM-1', { token });

      expectRefusal(response, 401, 'err.authTokenInvalid');
    });

    it('answers H-7 with a wrong password with 401 err.credentialsInvalid', async () => {
      expectRefusal(await api.authorise('ops', 'wrong'), 401, 'err.credentialsInvalid');
    });

    it('answers H-7 with an unknown user with 401 err.credentialsInvalid', async () => {
      expectRefusal(await api.authorise('nobody', 's3cret'), 401, 'err.credentialsInvalid');
    });
  });

  it('answers H-7 with a body that is not JSON with 400 err.credentialsMissing', async () => {
    const response = await rawRequest(`${sim.url}/api/v1/employees/authorise`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'username=ops',
    });

    expectRefusal(response, 400, 'err.credentialsMissing');
  });

  it('answers H-7 without a password with 400 err.credentialsMissing', async () => {
    const response = await rawRequest(`${sim.url}/api/v1/employees/authorise`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ops' }),
    });

    expectRefusal(response, 400, 'err.credentialsMissing');
  });
});

describe('section 11: uploads', () => {
  const file = importFile({ persons: [person('P-1')] });

  it('answers H-1 without sourceName with 400 err.sourceNameMissing', async () => {
    const response = await sim.api.upload({ sourceRef: '1', parts: [{ content: file }] });

    expectRefusal(response, 400, 'err.sourceNameMissing');
  });

  it('answers H-1 with an empty sourceRef with 400 err.sourceRefMissing', async () => {
    const response = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: '',
      parts: [{ content: file }],
    });

    expectRefusal(response, 400, 'err.sourceRefMissing');
  });

  it('answers H-1 without both query parameters with both codes', async () => {
    const response = await sim.api.upload({ parts: [{ content: file }] });

    expectRefusal(response, 400, 'err.sourceNameMissing', 'err.sourceRefMissing');
  });

  it('answers H-8 without a source with both codes', async () => {
    const response = await sim.api.uploadJson({ source: null, document: { persons: [] } });

    expectRefusal(response, 400, 'err.sourceNameMissing', 'err.sourceRefMissing');
  });

  it('answers H-1 without x-leaf-tenant-code with 400 err.tenantCodeMissing', async () => {
    const response = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: '1',
      tenant: null,
      parts: [{ content: file }],
    });

    expectRefusal(response, 400, 'err.tenantCodeMissing');
  });

  it('answers H-8 with an empty x-leaf-tenant-code with 400 err.tenantCodeMissing', async () => {
    const response = await sim.api.uploadJson({
      source: { sourceName: 'legacy-core', sourceRef: '1' },
      document: { persons: [person('P-1')] },
      tenant: '',
    });

    expectRefusal(response, 400, 'err.tenantCodeMissing');
  });

  it('answers H-1 with a JSON body with 400 err.requestMultipartInvalid', async () => {
    const response = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: '1',
      rawBody: { contentType: 'application/json', content: file },
    });

    expectRefusal(response, 400, 'err.requestMultipartInvalid');
  });

  it('answers a truncated multipart body with 400 err.requestMultipartInvalid', async () => {
    const response = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: '1',
      rawBody: {
        contentType: 'multipart/form-data; boundary=cut',
        content: `--cut\r\nContent-Disposition: form-data; name="file"\r\n\r\n${file}`,
      },
    });

    expectRefusal(response, 400, 'err.requestMultipartInvalid');
  });

  it('answers H-1 with a multipart body of no part with 400 err.importFileMissing', async () => {
    const response = await sim.api.upload({ sourceName: 'legacy-core', sourceRef: '1', parts: [] });

    expectRefusal(response, 400, 'err.importFileMissing');
  });

  it('answers H-1 with two parts with 400 err.importFileMultiple', async () => {
    const response = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: '1',
      parts: [{ content: file }, { name: 'second', content: file }],
    });

    expectRefusal(response, 400, 'err.importFileMultiple');
  });

  it('creates no process for a refused upload', async () => {
    await sim.api.upload({ sourceName: 'legacy-core', sourceRef: '1', parts: [] });

    // The batch is still free, and the next process gets created normally.
    const response = await uploadFile(sim.api, { persons: [person('P-1')] }, '1');
    expect(response.status).toBe(202);
    expect(await statusOf(sim.api, idOf(response))).toBe('DONE');
  });

  it('answers H-1 of a batch already imported with 400 err.importSourceRefExists', async () => {
    idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, '00123'));

    const response = await uploadFile(sim.api, { persons: [person('P-2')] }, '00123');

    expectRefusal(response, 400, 'err.importSourceRefExists');
  });

  it('reports every problem of one request together', async () => {
    const response = await sim.api.upload({ tenant: null, parts: [] });

    expectRefusal(
      response,
      400,
      'err.sourceNameMissing',
      'err.sourceRefMissing',
      'err.tenantCodeMissing',
      'err.importFileMissing',
    );
  });

  describe('with a body limit of 1000 bytes', () => {
    let small: TestSimulator;

    beforeAll(async () => {
      small = await startTestSimulator({ maxBodyBytes: 1000 });
    });
    afterAll(async () => {
      await small.close();
    });

    const big = importFile({ persons: [person('P-1', { pepExplanation: 'x'.repeat(2_000_000) })] });

    it('answers H-1 over the limit with 413 err.importFileTooLarge, naming the limit', async () => {
      const response = await uploadFile(small.api, JSON.parse(big) as Record<string, unknown>, '1');

      expectRefusal(response, 413, 'err.importFileTooLarge');
      const items = (response.body as { validationErrors: Array<{ errorMessage: string }> })
        .validationErrors;
      expect(items[0]?.errorMessage).toContain('1000 bytes');
    });

    it('answers H-8 over the limit with 413 err.importFileTooLarge, naming the limit', async () => {
      const response = await small.api.uploadJson({
        source: { sourceName: 'legacy-core', sourceRef: '1' },
        document: JSON.parse(big) as Record<string, unknown>,
      });

      expectRefusal(response, 413, 'err.importFileTooLarge');
      expect(JSON.stringify(response.body)).toContain('1000 bytes');
    });

    it('reads a refused upload to its end: the client gets the answer, not a reset', async () => {
      const response = await small.api.upload({
        sourceName: 'legacy-core',
        sourceRef: '1',
        token: null,
        parts: [{ content: big }],
      });

      expectRefusal(response, 401, 'err.authTokenMissing');
      expect(small.internalErrors).toEqual([]);
    });
  });
});

describe('section 11: processes and paths', () => {
  const actions = [
    'discard',
    'discard-rejected-entities',
    'discard-failed-entities',
    'retry',
  ] as const;

  it('answers H-2 for an unknown id with 404 err.importProcessNotFound', async () => {
    expectRefusal(await sim.api.status('DIM-404'), 404, 'err.importProcessNotFound');
  });

  it.each(actions)(
    'answers %s of an unknown id with 404 err.importProcessNotFound',
    async (action) => {
      expectRefusal(await sim.api.act(action, 'DIM-404'), 404, 'err.importProcessNotFound');
    },
  );

  it("answers H-2 for another tenant's process with 404 err.importProcessNotFound", async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, '1'));

    const response = await sim.api.status(id, { tenant: OTHER_TENANT });

    expectRefusal(response, 404, 'err.importProcessNotFound');
  });

  it('answers a D-1 action with 400 err.importProcessStatusInvalid', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, '1'));
    expect(await statusOf(sim.api, id)).toBe('DONE');

    expectRefusal(await sim.api.act('retry', id), 400, 'err.importProcessStatusInvalid');
  });

  it.each([
    ['retry', 'REJECTED'],
    ['discard-failed-entities', 'REJECTED'],
  ] as const)('D-1 refuses %s from %s and leaves the process as it was', async (action, status) => {
    const id = idOf(await uploadFile(sim.api, { persons: [invalidPerson('P-1')] }, '1'));
    const before = await sim.api.status(id);
    expect(before.data?.statusCode).toBe(status);

    expectRefusal(await sim.api.act(action, id), 400, 'err.importProcessStatusInvalid');

    expect((await sim.api.status(id)).body).toEqual(before.body);
  });

  it('answers an unknown path with 404 err.resourceNotFound', async () => {
    expectRefusal(await sim.api.raw('GET', '/api/v1/imports'), 404, 'err.resourceNotFound');
  });

  it('answers an unknown path with a body with 404 err.resourceNotFound', async () => {
    const response = await rawRequest(`${sim.url}/api/v3/import`, {
      method: 'POST',
      headers: uploadHeaders('text/plain'),
      body: 'not json at all',
    });

    expectRefusal(response, 404, 'err.resourceNotFound');
  });

  it('answers a path with broken percent-encoding with 404 err.resourceNotFound', async () => {
    const response = await rawRequest(`${sim.url}/api/v1/import/status/%E0%A4%A`, {
      headers: { 'x-auth-token': TOKEN },
    });

    expectRefusal(response, 404, 'err.resourceNotFound');
  });

  it.each([
    ['GET', '/api/v2/import'],
    ['PUT', '/api/v1/import/status/DIM-1'],
    ['GET', '/api/v1/import/DIM-1/discard'],
    ['DELETE', '/api/v1/import/DIM-1/retry'],
    ['GET', '/api/v1/employees/authorise'],
    ['GET', '/api/v1/import/sample'],
  ])('answers %s %s with 405 err.httpMethodNotAllowed', async (method, path) => {
    expectRefusal(await sim.api.raw(method, path), 405, 'err.httpMethodNotAllowed');
  });

  it('answers an unexpected failure with 500 err.internalError and no internals', async () => {
    const broken = await startTestSimulator();
    try {
      broken.simulator.engine.read = () => {
        throw new TypeError('engine exploded in simulator-engine.ts:42:7');
      };

      const response = await broken.api.status('DIM-1');

      expectRefusal(response, 500, 'err.internalError');
      expect(JSON.stringify(response.body)).not.toContain('exploded');
      expect(broken.internalErrors).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });

  it('answers a wrong method with a multipart body with 405, not a body error', async () => {
    const { contentType, body } = multipart([{ name: 'file', content: '{}', filename: 'a' }]);

    const response = await rawRequest(`${sim.url}/api/v2/import?sourceName=s&sourceRef=1`, {
      method: 'PUT',
      headers: uploadHeaders(contentType),
      body,
    });

    expectRefusal(response, 405, 'err.httpMethodNotAllowed');
  });
});
