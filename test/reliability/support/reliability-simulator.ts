/**
 * A simulator for the reliability suites: started on 127.0.0.1, with its internal errors
 * collected, plain `fetch` requests, the control API read as JSON, and a snapshot of
 * everything it holds, so a test can show that a refused request changed nothing.
 */
import { expect } from 'vitest';
import { validPerson } from '../../../model/validation/test-fixtures.js';
import {
  startSimulator,
  type RunningSimulator,
  type StartSimulatorOptions,
} from '../../../simulator/start-simulator.js';

export type Data = Record<string, unknown>;

export const TOKEN = 'reliability-token';

export interface ReliabilitySimulator {
  readonly url: string;
  readonly simulator: RunningSimulator;
  /** Errors the simulator did not expect; a run must end with none. */
  readonly internalErrors: unknown[];
  close(): Promise<void>;
}

export async function startReliabilitySimulator(
  options: StartSimulatorOptions = {},
): Promise<ReliabilitySimulator> {
  const internalErrors: unknown[] = [];
  const simulator = await startSimulator({
    pace: 'instant',
    ...options,
    host: '127.0.0.1',
    onInternalError: (error) => internalErrors.push(error),
  });
  return { url: simulator.url, simulator, internalErrors, close: () => simulator.close() };
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface CallInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  readonly signal?: AbortSignal;
}

/** One request with `fetch`; the body is parsed as JSON when it is JSON. */
export async function call(url: string, path: string, init: CallInit = {}): Promise<Answer> {
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    ...(init.headers === undefined ? {} : { headers: init.headers }),
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Kept as text: the envelope check then shows what came back.
  }
  return { status: response.status, headers: response.headers, body };
}

/** The `data` of a control-API answer, which must succeed. */
export async function control<T = Data>(url: string, path: string, method = 'GET'): Promise<T> {
  const answer = await call(url, `/__simulator${path}`, { method });
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return (answer.body as { data: T }).data;
}

/**
 * A refusal as reference section 11 shapes it: the status, exactly these codes, each
 * explained by an item of `validationErrors`, `data` null, and no internals.
 */
export function expectRefusal(
  answer: { status: number; body: unknown },
  status: number,
  ...codes: string[]
): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expectEnvelopeError(answer.body);
  const body = answer.body as { errors: string[]; validationErrors: Data[] };
  expect([...body.errors].sort()).toEqual([...codes].sort());
}

/** Any error answer: the envelope with codes and explanations, `data` null, no internals. */
export function expectEnvelopeError(body: unknown): void {
  expect(typeof body, String(body)).toBe('object');
  const envelope = body as Data;
  expect(Object.keys(envelope).sort()).toEqual(['data', 'errors', 'validationErrors']);
  expect(envelope['data']).toBeNull();
  const errors = envelope['errors'] as unknown[];
  const items = envelope['validationErrors'] as Data[];
  expect(Array.isArray(errors) && errors.length > 0).toBe(true);
  expect(items.map((item) => item['errorCode'])).toEqual(errors);
  for (const item of items) {
    expect(Object.keys(item).sort()).toEqual([
      'errorCode',
      'errorMessage',
      'errorValue',
      'fieldName',
    ]);
    expect(typeof item['errorMessage']).toBe('string');
  }
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|\bat \S+ \(/);
}

/** Everything a simulator holds that a request could change, as its control API shows it. */
export interface WorldSnapshot {
  readonly processes: Data[];
  readonly created: Readonly<Record<string, Data[]>>;
}

/** Every kept process in full (status, entities, history) and the entities of the tenants. */
export async function snapshot(url: string, tenants: readonly string[]): Promise<WorldSnapshot> {
  const { processes } = await control<{ processes: Array<{ importProcessId: string }> }>(
    url,
    '/processes',
  );
  const inspected: Data[] = [];
  for (const summary of processes) {
    inspected.push(await control(url, `/processes/${encodeURIComponent(summary.importProcessId)}`));
  }
  const created: Record<string, Data[]> = {};
  for (const tenant of tenants) {
    const listed = await control<{ entities: Data[] }>(
      url,
      `/tenants/${encodeURIComponent(tenant)}/entities`,
    );
    created[tenant] = listed.entities;
  }
  return { processes: inspected, created };
}

/** A valid person like examples/person.json, with its own key. */
export function person(key: string, overrides: Data = {}): Data {
  return validPerson({ externalPersonId: key, ...overrides });
}

/** A person that fails V-2 only: no primary identification number. */
export function invalidPerson(key: string): Data {
  return person(key, {
    identificationNumbers: [{ idNumber: '12123456A123', idCountryCode: 'DE', primary: false }],
  });
}

export interface Part {
  readonly name?: string;
  readonly content: string | Uint8Array;
  /** `null` sends a plain text field. Default `import.json`. */
  readonly filename?: string | null;
}

/** A multipart body built by hand, so that any part shape (or none) can be sent. */
export function multipart(
  parts: readonly Part[],
  boundary = 'reliability-boundary',
): { contentType: string; body: Buffer } {
  const chunks = parts.flatMap((part) => {
    const filename = part.filename === null ? '' : `; filename="${part.filename ?? 'import.json'}"`;
    return [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name ?? 'file'}"` +
          `${filename}\r\nContent-Type: application/json\r\n\r\n`,
      ),
      Buffer.from(part.content),
      Buffer.from('\r\n'),
    ];
  });
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
  };
}

/** Headers of an upload by the test token into a tenant. */
export function uploadHeaders(
  tenant: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { 'x-auth-token': TOKEN, 'x-leaf-tenant-code': tenant, ...extra };
}

/** H-1 of one file part; answers as `call` does. */
export function upload(
  url: string,
  tenant: string,
  sourceRef: string,
  content: string | Uint8Array,
  extra: Record<string, string> = {},
): Promise<Answer> {
  const { contentType, body } = multipart([{ content }]);
  return call(
    url,
    `/api/v2/import?sourceName=reliability&sourceRef=${encodeURIComponent(sourceRef)}`,
    {
      method: 'POST',
      headers: uploadHeaders(tenant, { 'content-type': contentType, ...extra }),
      body,
    },
  );
}

/** The id of an accepted upload; fails the test otherwise. */
export function idOf(answer: Answer): string {
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  const id = (answer.body as { data?: { importProcessId?: unknown } }).data?.importProcessId;
  if (typeof id !== 'string') throw new Error('the upload answered without a process id');
  return id;
}

/** The status object of a process, read with the control API (which never advances it). */
export async function inspectStatus(url: string, id: string): Promise<Data> {
  const inspected = await control<{ status: Data }>(url, `/processes/${encodeURIComponent(id)}`);
  return inspected.status;
}

/** Reads H-2 until the process rests in one of `statuses`; fails after `timeoutMs`. */
export async function waitForStatus(
  url: string,
  id: string,
  statuses: readonly string[],
  timeoutMs = 10_000,
): Promise<Data> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await call(url, `/api/v1/import/status/${encodeURIComponent(id)}`, {
      headers: { 'x-auth-token': TOKEN },
    });
    const data = (answer.body as { data?: Data | null }).data ?? null;
    if (data !== null && statuses.includes(String(data['statusCode']))) return data;
    if (Date.now() > deadline) {
      throw new Error(
        `${id} did not reach ${statuses.join(' or ')}: ${JSON.stringify(answer.body)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
