/**
 * What the HTTP tests share: a real simulator listening on 127.0.0.1, the typed clients
 * pointed at it, valid entities shaped like the documented examples, and raw requests for
 * the malformed cases the typed client cannot send.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { StatusObject } from '../../api/wire-types.js';
import type { ApiResponse } from '../../client/api-response.js';
import { ControlClient } from '../../client/control-client.js';
import { ImportApiClient } from '../../client/import-api-client.js';
import { validAccount, validPerson } from '../../model/validation/test-fixtures.js';
import {
  startSimulator,
  type RunningSimulator,
  type StartSimulatorOptions,
} from '../../simulator/start-simulator.js';
import { installResponseCheck } from '../openapi/response-check.js';

type Data = Record<string, unknown>;

export const TENANT = 'tenant-a';
export const OTHER_TENANT = 'tenant-b';
export const TOKEN = 'test-token';

export interface TestSimulator {
  readonly simulator: RunningSimulator;
  readonly url: string;
  /** The API client of tenant `tenant-a`. */
  readonly api: ImportApiClient;
  readonly control: ControlClient;
  /** Errors the simulator did not expect; a test run must end with none. */
  readonly internalErrors: unknown[];
  close(): Promise<void>;
}

export async function startTestSimulator(
  options: StartSimulatorOptions = {},
): Promise<TestSimulator> {
  const internalErrors: unknown[] = [];
  const simulator = await startSimulator({
    ...options,
    host: '127.0.0.1',
    onInternalError: (error) => internalErrors.push(error),
  });
  installResponseCheck().watch(simulator.url, simulator.engine.options);
  return {
    simulator,
    url: simulator.url,
    api: new ImportApiClient({ baseUrl: simulator.url, token: TOKEN, tenant: TENANT }),
    control: new ControlClient({ baseUrl: simulator.url }),
    internalErrors,
    close: () => simulator.close(),
  };
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

/** A valid account like examples/account.json, of the given person. */
export function account(key: string, personKey: string): Data {
  return validAccount({ externalAccountId: key, externalPersonId: personKey });
}

/** An import file holding the given collections, as the bytes of a file part. */
export function importFile(collections: Data): string {
  return JSON.stringify(collections);
}

/** H-1 of one file part with the given collections. */
export function uploadFile(
  api: ImportApiClient,
  collections: Data,
  sourceRef: string,
  extra: { requestId?: string; tenant?: string } = {},
): Promise<ApiResponse<StatusObject>> {
  return api.upload({
    sourceName: 'legacy-core',
    sourceRef,
    parts: [{ content: importFile(collections) }],
    ...extra,
  });
}

/** The id of a successful upload; fails the test otherwise. */
export function idOf(response: ApiResponse<StatusObject>): string {
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  const id = response.data?.importProcessId;
  if (id === undefined) throw new Error('the upload answered without a process id');
  return id;
}

/** The status code a fresh status read shows. */
export async function statusOf(api: ImportApiClient, id: string): Promise<string | undefined> {
  return (await api.status(id)).data?.statusCode;
}

/**
 * The envelope of a refused request (section 11): each code in `errors`, explained by an item
 * of `validationErrors` with that code, and `data` null.
 */
export function expectRefusal(
  response: ApiResponse<unknown>,
  status: number,
  ...codes: string[]
): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  const body = response.body as Data;
  expect(Object.keys(body).sort()).toEqual(['data', 'errors', 'validationErrors']);
  expect(body['data']).toBeNull();
  expect([...(body['errors'] as string[])].sort()).toEqual([...codes].sort());
  const items = body['validationErrors'] as Data[];
  for (const code of codes) {
    const item = items.find((candidate) => candidate['errorCode'] === code);
    expect(item, `no validationErrors item explains ${code}`).toBeDefined();
    expect(Object.keys(item ?? {}).sort()).toEqual([
      'errorCode',
      'errorMessage',
      'errorValue',
      'fieldName',
    ]);
    expect(typeof item?.['errorMessage']).toBe('string');
    expect(item?.['fieldName'] === null || typeof item?.['fieldName'] === 'string').toBe(true);
  }
  expectNoInternals(response.body);
}

/** No stack trace, source path or internal error name in an answer. */
export function expectNoInternals(body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  expect(text).not.toMatch(/\n\s+at |at .*\(.*:\d+:\d+\)|node_modules|\.ts:\d+|Error:/);
}

/** A raw request to the simulator, for what the typed client will not send. */
export async function rawRequest(
  url: string,
  init: RequestInit & { headers?: Record<string, string> },
): Promise<ApiResponse<unknown>> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Kept as text: the test then fails on the envelope, showing what came back.
  }
  const envelope = typeof body === 'object' && body !== null ? (body as Data) : {};
  return {
    status: response.status,
    body,
    data: (envelope['data'] ?? null) as unknown,
    errors: Array.isArray(envelope['errors']) ? envelope['errors'].map(String) : [],
    request: { method: init.method ?? 'GET', url, headers: init.headers ?? {}, body: null },
  };
}

/** A multipart body built by hand, so that any part shape (or none) can be sent. */
export function multipart(
  parts: ReadonlyArray<{ name: string; content: string; filename?: string }>,
  boundary = 'test-boundary',
): { contentType: string; body: string } {
  const lines = parts.map((part) => {
    const filename = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    return (
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}\r\n` +
      `Content-Type: application/json\r\n\r\n${part.content}\r\n`
    );
  });
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: `${lines.join('')}--${boundary}--\r\n`,
  };
}

/** Polls H-2 until the process shows one of the statuses, or fails after `timeoutMs`. */
export async function waitForStatus(
  api: ImportApiClient,
  id: string,
  statuses: readonly string[],
  timeoutMs = 5_000,
): Promise<StatusObject> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api.status(id);
    const status = response.data;
    if (status !== null && statuses.includes(status.statusCode)) return status;
    if (Date.now() > deadline) {
      throw new Error(`${id} did not reach ${statuses.join(' or ')}; it is ${status?.statusCode}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Forgets every process, entity, claim, fault rule and request id, and puts the runtime
 * configuration back to the defaults (a control reset keeps the configuration).
 */
export async function resetSimulator(sim: TestSimulator): Promise<void> {
  expect((await sim.control.reset()).status).toBe(200);
  const configured = await sim.control.configure({
    pace: 'instant',
    discardFromFailed: 'keep-created',
    sameFileReferences: false,
    uniqueSourceRef: true,
  });
  expect(configured.status).toBe(200);
}

/**
 * Starts one simulator for the test file, resets it before each test, checks after each
 * that it met no internal error and that every answer the test received is what
 * `api/openapi.yaml` describes, and closes it at the end.
 */
export function useTestSimulator(
  onStarted: (sim: TestSimulator) => void,
  options: StartSimulatorOptions = {},
): void {
  const responses = installResponseCheck();
  let sim: TestSimulator | undefined;
  beforeAll(async () => {
    sim = await startTestSimulator(options);
    onStarted(sim);
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(async () => {
    if (sim !== undefined) await resetSimulator(sim);
  });
  afterEach(() => {
    expect(sim?.internalErrors).toEqual([]);
    expect(responses.take(), 'answers that drifted from api/openapi.yaml').toEqual([]);
  });
}
