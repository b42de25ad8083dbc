import { readFileSync } from 'node:fs';
import { API_PATHS, fillPath } from '../../api/endpoints.js';
import type { StatusObject } from '../../api/wire-types.js';
import { ImportApiClient } from '../../client/import-api-client.js';
import { HarnessError } from '../../errors/harness-error.js';
import type { ReadName } from './status-reads-options.js';

/** The headers every status read sends: a token, and the tenant the process belongs to. */
const TENANT = 'MB';
const TOKEN = 'import-harness-bench';
export const READ_HEADERS: Readonly<Record<string, string>> = {
  'x-auth-token': TOKEN,
  'x-leaf-tenant-code': TENANT,
};

/** The documented example payloads, as the bundled scenario library holds them. */
const FILES: Readonly<Record<ReadName, { file: URL; status: StatusObject['statusCode'] }>> = {
  done: {
    file: new URL(
      '../../scenarios/library/validation/files/documented-person.json',
      import.meta.url,
    ),
    status: 'DONE',
  },
  rejected: {
    file: new URL('../../scenarios/library/documented/files/person-rejected.json', import.meta.url),
    status: 'REJECTED',
  },
};

const SETTLE_TIMEOUT_MS = 10_000;

/** A status read as the simulator answered it: what the other targets must serve. */
export interface CapturedRead {
  readonly read: ReadName;
  readonly importProcessId: string;
  readonly statusCode: string;
  /** e.g. `/api/v1/import/status/DIM-1000`. */
  readonly path: string;
  readonly body: Buffer;
  /** The answer's headers, lower-case, without those of the connection. */
  readonly headers: Readonly<Record<string, string>>;
}

export class SeedError extends HarnessError {
  readonly code = 'IH_BENCH_SEED';
}

/**
 * Uploads the file of a read to the simulator, waits until its process rests in the expected
 * final status, and captures one status read of it, bytes and headers.
 */
export async function seedProcess(baseUrl: string, read: ReadName): Promise<CapturedRead> {
  // Step 1: the upload, through the typed client.
  const { file, status } = FILES[read];
  const client = new ImportApiClient({ baseUrl, token: TOKEN, tenant: TENANT });
  const upload = await client.upload({
    sourceName: 'bench-status-reads',
    sourceRef: `${read}-${Date.now()}`,
    parts: [{ content: readFileSync(file) }],
  });
  const id = upload.data?.importProcessId;
  if (upload.status !== 202 || id === undefined) {
    throw new SeedError(
      `Uploading ${file.pathname} answered ${upload.status} ${JSON.stringify(upload.body)}; ` +
        'expected 202 INSERTED.',
    );
  }

  // Step 2: the process at rest in its final status (the simulator runs at `instant` pace).
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let reached = upload.data?.statusCode;
  while (reached !== status && Date.now() < deadline) {
    reached = (await client.status(id)).data?.statusCode;
  }
  if (reached !== status) {
    throw new SeedError(
      `${id} from ${file.pathname} rests in ${String(reached)}, not ${status}, after ` +
        `${SETTLE_TIMEOUT_MS} ms. Check that the file still ends in ${status}.`,
    );
  }

  // Step 3: one read as a load tool would send it, kept byte for byte.
  const path = fillPath(API_PATHS.status, { importProcessId: id });
  const response = await fetch(new URL(path, baseUrl), { headers: READ_HEADERS });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) {
    throw new SeedError(`GET ${path} answered ${response.status}: ${body.toString('utf8')}`);
  }
  return {
    read,
    importProcessId: id,
    statusCode: status,
    path,
    body,
    headers: answerHeaders(response.headers),
  };
}

/** Headers that describe the answer, not the connection or the moment. */
export function answerHeaders(headers: Headers): Record<string, string> {
  const skipped = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!skipped.has(name)) kept[name] = value;
  });
  return kept;
}
