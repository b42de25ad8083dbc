import { describe, expect, it } from 'vitest';
import type { StatusObject } from '../../api/wire-types.js';
import { ImportApiClient } from '../../client/import-api-client.js';
import { startSimulator } from '../../simulator/start-simulator.js';
import { installResponseCheck } from './response-check.js';

describe('installResponseCheck', () => {
  it('catches drift in answers read through the typed client and through plain fetch', async () => {
    const responses = installResponseCheck();
    const simulator = await startSimulator();
    try {
      // A simulator whose status answer lost a field: drift the tests must see.
      simulator.engine.read = (id) =>
        ({ importProcessId: id, statusCode: 'DONE' }) as unknown as StatusObject;
      const client = new ImportApiClient({ baseUrl: simulator.url });

      await client.status('DIM-1');
      await fetch(`${simulator.url}/api/v1/import/status/DIM-2`, {
        headers: { 'x-auth-token': 't' },
      });
      await fetch(`${simulator.url}/api/v1/import/status/DIM-3`); // 401, as described

      const drift = responses.take();
      expect(drift.map((entry) => entry.request)).toEqual([
        'GET /api/v1/import/status/DIM-1',
        'GET /api/v1/import/status/DIM-2',
      ]);
      expect(drift[0]?.problems.join('\n')).toContain("must have required property 'source'");
      expect(responses.take()).toEqual([]);
    } finally {
      await simulator.close();
    }
  });
});
