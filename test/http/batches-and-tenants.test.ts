import { describe, expect, it } from 'vitest';
import { ImportApiClient } from '../../client/import-api-client.js';
import {
  expectRefusal,
  idOf,
  invalidPerson,
  OTHER_TENANT,
  person,
  rawRequest,
  statusOf,
  TENANT,
  TOKEN,
  uploadFile,
  type TestSimulator,
  useTestSimulator,
} from './support.js';

let sim: TestSimulator;
let otherApi: ImportApiClient;

useTestSimulator((started) => {
  sim = started;
  otherApi = new ImportApiClient({ baseUrl: sim.url, token: TOKEN, tenant: OTHER_TENANT });
});

describe('batch uniqueness (sourceName + sourceRef per tenant)', () => {
  it('refuses a second upload of a batch that ended DONE', async () => {
    idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    expectRefusal(
      await uploadFile(sim.api, { persons: [person('P-2')] }, 'b'),
      400,
      'err.importSourceRefExists',
    );
  });

  it('refuses a second upload of a batch whose process is still running', async () => {
    await sim.control.configure({ pace: 'step' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    const second = await uploadFile(sim.api, { persons: [person('P-2')] }, 'b');

    expectRefusal(second, 400, 'err.importSourceRefExists');
    expect((await sim.control.inspect(id)).data?.status.statusCode).toBe('INSERTED');
  });

  it('refuses a second upload of a REJECTED batch: it may still go on', async () => {
    idOf(await uploadFile(sim.api, { persons: [invalidPerson('P-1')] }, 'b'));

    expectRefusal(
      await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'),
      400,
      'err.importSourceRefExists',
    );
  });

  it('accepts the same pair under another sourceName, and in another tenant', async () => {
    idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    const otherName = await sim.api.upload({
      sourceName: 'other-core',
      sourceRef: 'b',
      parts: [{ content: JSON.stringify({ persons: [person('P-2')] }) }],
    });
    const otherTenant = await uploadFile(otherApi, { persons: [person('P-1')] }, 'b');

    expect(otherName.status).toBe(202);
    expect(otherTenant.status).toBe(202);
  });

  it('releases the pair when its process ends in ERROR', async () => {
    const broken = await sim.api.upload({
      sourceName: 'legacy-core',
      sourceRef: 'b',
      parts: [{ content: 'not JSON' }],
    });
    expect(await statusOf(sim.api, idOf(broken))).toBe('ERROR');

    const corrected = await uploadFile(sim.api, { persons: [person('P-1')] }, 'b');

    expect(await statusOf(sim.api, idOf(corrected))).toBe('DONE');
  });

  it('releases the pair when its process is DISCARDED with nothing created', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [invalidPerson('P-1')] }, 'b'));
    expect((await sim.api.act('discard', id)).data?.statusCode).toBe('DISCARDED');

    const corrected = await uploadFile(sim.api, { persons: [person('P-1')] }, 'b');

    expect(await statusOf(sim.api, idOf(corrected))).toBe('DONE');
  });

  it('releases the pair when discard-rejected-entities leaves nothing to send', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [invalidPerson('P-1')] }, 'b'));
    const discarded = await sim.api.act('discard-rejected-entities', id);
    expect(discarded.data?.statusCode).toBe('DISCARDED');

    expect((await uploadFile(sim.api, { persons: [person('P-1')] }, 'b')).status).toBe(202);
  });

  it('keeps the pair when a FAILED process is discarded after creating entities', async () => {
    await sim.control.addFault({ match: { key: 'P-2' }, refuse: 'every' });
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1'), person('P-2')] }, 'b'));
    expect((await sim.api.act('discard', id)).data?.statusCode).toBe('DISCARDED');

    expectRefusal(
      await uploadFile(sim.api, { persons: [person('P-3')] }, 'b'),
      400,
      'err.importSourceRefExists',
    );
  });

  it('accepts any number of uploads of one pair with uniqueSourceRef false', async () => {
    await sim.control.configure({ uniqueSourceRef: false });
    idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    expect((await uploadFile(sim.api, { persons: [person('P-2')] }, 'b')).status).toBe(202);
  });
});

describe('tenant isolation', () => {
  it("answers another tenant's x-leaf-tenant-code with 404, as for an unknown id", async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    const response = await sim.api.status(id, { tenant: OTHER_TENANT });
    const unknown = await sim.api.status('DIM-404', { tenant: OTHER_TENANT });

    expectRefusal(response, 404, 'err.importProcessNotFound');
    expect(response.errors).toEqual(unknown.errors);
  });

  it("answers another tenant's x-tenant-code with 404", async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    const response = await rawRequest(`${sim.url}/api/v1/import/status/${id}`, {
      headers: { 'x-auth-token': TOKEN, 'x-tenant-code': OTHER_TENANT },
    });

    expectRefusal(response, 404, 'err.importProcessNotFound');
  });

  it('answers the own tenant, and no tenant header, with the process', async () => {
    const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    expect((await sim.api.status(id, { tenant: TENANT })).status).toBe(200);
    expect((await sim.api.status(id, { tenant: null })).status).toBe(200);
  });

  it.each(['discard', 'discard-rejected-entities'] as const)(
    "answers %s on another tenant's process with 404 and changes nothing",
    async (action) => {
      const id = idOf(await uploadFile(sim.api, { persons: [invalidPerson('P-1')] }, 'b'));

      const response = await sim.api.act(action, id, { tenant: OTHER_TENANT });

      expectRefusal(response, 404, 'err.importProcessNotFound');
      expect(await statusOf(sim.api, id)).toBe('REJECTED');
    },
  );

  it.each(['discard-failed-entities', 'retry'] as const)(
    "answers %s on another tenant's FAILED process with 404 and changes nothing",
    async (action) => {
      await sim.control.addFault({ match: { key: 'P-1' }, refuse: 'every' });
      const id = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

      const response = await sim.api.act(action, id, { tenant: OTHER_TENANT });

      expectRefusal(response, 404, 'err.importProcessNotFound');
      expect((await sim.control.inspect(id)).data?.entities[0]?.sends).toBe(1);
    },
  );

  it('keeps tenants apart: a person of one tenant is new in another', async () => {
    idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b'));

    const other = idOf(await uploadFile(otherApi, { persons: [person('P-1')] }, 'b'));

    expect(await statusOf(otherApi, other)).toBe('DONE');
    const created = await sim.control.created(OTHER_TENANT);
    expect(created.data?.entities).toEqual([
      { type: 'PERSON.PERSON', key: 'P-1', processId: other, reference: null },
    ]);
  });

  it('V-6 refuses a person already created in the same tenant by an earlier import', async () => {
    idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b-1'));

    const second = idOf(await uploadFile(sim.api, { persons: [person('P-1')] }, 'b-2'));

    const status = await sim.api.status(second);
    expect(status.data?.statusCode).toBe('REJECTED');
    expect(status.data?.validationErrors?.map((item) => item.errorCode)).toEqual([
      'err.personExists',
    ]);
  });
});
