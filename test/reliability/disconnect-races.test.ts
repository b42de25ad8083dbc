/**
 * Clients that vanish mid-upload, over real sockets: they leave nothing behind and the server
 * keeps answering. After each test the invariants C-1…C-4 and S-1 are checked from outside
 * (support/race-simulator.ts).
 */
import { describe, expect, it } from 'vitest';
import { abandonRequest } from './support/raw-http.js';
import { useRaceSimulator } from './support/race-simulator.js';
import {
  call,
  control,
  idOf,
  multipart,
  person,
  upload,
  uploadHeaders,
  waitForStatus,
} from './support/reliability-simulator.js';

const sim = useRaceSimulator();
const { freshTenant, listIds, read } = sim;

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
