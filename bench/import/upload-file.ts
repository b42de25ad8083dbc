import { createReadStream } from 'node:fs';
import { request } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

const BOUNDARY = 'import-harness-bench';

/**
 * H-1 of a file on disk, streamed as the one part of a multipart body, so the benchmark
 * itself never holds the file. Resolves with the answer's status and body.
 */
export async function uploadFile(
  url: string,
  path: string,
  bytes: number,
  sourceRef: string,
): Promise<{ status: number; body: string }> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="import.json"\r\n` +
      'Content-Type: application/json\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const target = new URL(`/api/v2/import?sourceName=bench&sourceRef=${sourceRef}`, url);

  return new Promise((resolve, reject) => {
    const req = request(target, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': String(head.length + bytes + tail.length),
        'x-auth-token': 'bench',
        'x-leaf-tenant-code': 'bench',
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    const body = Readable.from(
      (async function* parts() {
        yield head;
        yield* createReadStream(path, { highWaterMark: 1024 * 1024 });
        yield tail;
      })(),
    );
    pipeline(body, req).catch(reject);
  });
}
