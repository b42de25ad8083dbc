/**
 * One soak client: a loop of what teams do all day — import files (valid, invalid, refused
 * at dispatch), poll until they rest, act on suspended ones, repeat requests with an
 * `x-request-id`, log in, and send malformed requests — until the deadline. Each client
 * imports into its own tenant from a bounded pool of person keys, so the tenants' data stop
 * growing once the pool is used up and what grows after that is the simulator's own.
 */
import type { SoakStats } from './soak-stats.js';

export interface ClientContext {
  readonly url: string;
  readonly tenant: string;
  readonly token: string;
  readonly stats: SoakStats;
  readonly deadline: number;
  /** Milliseconds between two status reads while waiting for a process. */
  readonly pollMs: number;
  readonly random: () => number;
  readonly personPool: number;
}

type Data = Record<string, unknown>;

/** Statuses in which a process waits for a client or for nothing. */
const RESTING = ['ERROR', 'REJECTED', 'FAILED', 'DONE', 'PARTIALLY_DONE', 'DISCARDED'];

/** The person the fault rule of the soak always refuses. */
export const REFUSED_PERSON = 'SOAK-REFUSED';

export async function runClient(context: ClientContext): Promise<void> {
  let uploads = 0;
  const nextRef = (): string => `${context.tenant}-${uploads++}`;
  while (Date.now() < context.deadline) {
    const pick = context.random();
    if (pick < 0.3)
      await importFile(context, nextRef(), [poolPerson(context), poolPerson(context)]);
    else if (pick < 0.45) await importFile(context, nextRef(), [invalidPerson(poolKey(context))]);
    else if (pick < 0.55) {
      await importFile(context, nextRef(), [poolPerson(context), person(REFUSED_PERSON)]);
    } else if (pick < 0.7) await malformed(context, pick);
    else if (pick < 0.8) await repeatedRequestId(context, nextRef());
    else if (pick < 0.85) await login(context);
    else await send(context, 'GET', `/api/v1/import/status/DIM-${Math.floor(pick * 1e6)}`);
  }
}

/** Upload (H-1 or H-8 at random), wait for the process to rest, and deal with it. */
async function importFile(
  context: ClientContext,
  sourceRef: string,
  persons: Data[],
): Promise<void> {
  const answer =
    context.random() < 0.5
      ? await uploadMultipart(context, sourceRef, persons)
      : await send(context, 'POST', '/api/v1/import/sample', {
          body: JSON.stringify({ source: { sourceName: 'soak', sourceRef }, persons }),
          contentType: 'application/json',
        });
  const id = (answer.body as { data?: { importProcessId?: string } } | null)?.data?.importProcessId;
  if (id === undefined) return;

  // Suspended processes are dealt with, as a careful client does: the simulator never
  // forgets them, so one left behind keeps its place (and its batch) for good.
  let status = await waitUntilResting(context, id);
  for (let round = 0; round < 3 && (status === 'REJECTED' || status === 'FAILED'); round++) {
    const choice = context.random() < 0.5;
    if (status === 'REJECTED') {
      await action(context, id, choice ? 'discard-rejected-entities' : 'discard');
    } else if (round === 0 && choice) {
      await action(context, id, 'retry');
    } else {
      await action(context, id, choice ? 'discard-failed-entities' : 'discard');
    }
    status = await waitUntilResting(context, id);
  }
}

async function waitUntilResting(context: ClientContext, id: string): Promise<string | null> {
  for (let poll = 0; poll < 200 && Date.now() < context.deadline + 5_000; poll++) {
    const answer = await send(context, 'GET', `/api/v1/import/status/${id}`);
    const status = (answer.body as { data?: { statusCode?: string } } | null)?.data?.statusCode;
    if (status === undefined || RESTING.includes(status)) return status ?? null;
    await new Promise((resolve) => setTimeout(resolve, context.pollMs));
  }
  return null;
}

function action(context: ClientContext, id: string, name: string): Promise<Answer> {
  return send(context, 'POST', `/api/v1/import/${id}/${name}`);
}

/** The same upload twice with one `x-request-id`: the second answer repeats the first. */
async function repeatedRequestId(context: ClientContext, sourceRef: string): Promise<void> {
  const requestId = `rid-${sourceRef}`;
  const persons = [invalidPerson(poolKey(context))];
  const first = await uploadMultipart(context, sourceRef, persons, requestId);
  const second = await uploadMultipart(context, `${sourceRef}-again`, persons, requestId);
  if (first.status === 202 && JSON.stringify(first.body) !== JSON.stringify(second.body)) {
    context.stats.surprise(`x-request-id ${requestId} answered twice differently`);
  }
  const id = (first.body as { data?: { importProcessId?: string } } | null)?.data?.importProcessId;
  if (id !== undefined && (await waitUntilResting(context, id)) === 'REJECTED') {
    await action(context, id, 'discard');
  }
}

async function login(context: ClientContext): Promise<void> {
  await send(context, 'POST', '/api/v1/employees/authorise', {
    body: JSON.stringify({ username: context.tenant, password: 'soak' }),
    contentType: 'application/json',
    token: null,
  });
}

/** One of the malformed requests of docs/bad-input.md. */
async function malformed(context: ClientContext, pick: number): Promise<void> {
  const which = Math.floor(pick * 1_000) % 6;
  if (which === 0) {
    await send(context, 'POST', '/api/v1/import/sample', {
      body: '{"source": ',
      contentType: 'application/json',
    });
  } else if (which === 1) {
    await send(context, 'POST', '/api/v2/import?sourceName=soak', {
      body: 'not multipart',
      contentType: 'text/plain',
    });
  } else if (which === 2) {
    await send(context, 'GET', '/api/v1/import/status/DIM-1', { token: null });
  } else if (which === 3) {
    await send(context, 'DELETE', '/api/v1/import/DIM-1/retry');
  } else if (which === 4) {
    await send(context, 'GET', '/api/v1/nothing/here');
  } else {
    await send(context, 'POST', '/api/v1/import/sample', {
      body: `{"source":{"sourceName":"soak","sourceRef":"deep"},"persons":[{"externalPersonId":"X","source":${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}}]}`,
      contentType: 'application/json',
      tenant: `${context.tenant}-deep`,
    });
  }
}

function uploadMultipart(
  context: ClientContext,
  sourceRef: string,
  persons: Data[],
  requestId?: string,
): Promise<Answer> {
  const boundary = 'soak-boundary';
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import.json"\r\n` +
    `Content-Type: application/json\r\n\r\n${JSON.stringify({ persons })}\r\n--${boundary}--\r\n`;
  return send(context, 'POST', `/api/v2/import?sourceName=soak&sourceRef=${sourceRef}`, {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    ...(requestId === undefined ? {} : { requestId }),
  });
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

interface SendOptions {
  readonly body?: string;
  readonly contentType?: string;
  readonly token?: string | null;
  readonly tenant?: string;
  readonly requestId?: string;
}

/** One request: its latency and status are recorded, and a broken promise is noted. */
async function send(
  context: ClientContext,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    'x-leaf-tenant-code': options.tenant ?? context.tenant,
  };
  const token = options.token === undefined ? context.token : options.token;
  if (token !== null) headers['x-auth-token'] = token;
  if (options.contentType !== undefined) headers['content-type'] = options.contentType;
  if (options.requestId !== undefined) headers['x-request-id'] = options.requestId;

  const started = performance.now();
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${context.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: options.body }),
      signal: AbortSignal.timeout(30_000),
    });
    text = await response.text();
  } catch (error) {
    context.stats.networkErrors += 1;
    context.stats.surprise(`${method} ${path}: no answer (${String(error)})`);
    return { status: 0, body: null };
  }
  context.stats.record(response.status, performance.now() - started);

  let body: unknown = null;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    context.stats.surprise(`${method} ${path}: ${response.status} answered without JSON`);
  }
  if (response.status >= 500)
    context.stats.surprise(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
  if (response.status >= 400 && !isErrorEnvelope(body)) {
    context.stats.surprise(`${method} ${path}: ${response.status} outside the envelope`);
  }
  return { status: response.status, body };
}

function isErrorEnvelope(body: unknown): boolean {
  const envelope = body as { errors?: unknown; validationErrors?: unknown; data?: unknown } | null;
  return (
    Array.isArray(envelope?.errors) &&
    envelope.errors.length > 0 &&
    Array.isArray(envelope.validationErrors) &&
    envelope.data === null
  );
}

function poolKey(context: ClientContext): string {
  return `P-${Math.floor(context.random() * context.personPool)}`;
}

function poolPerson(context: ClientContext): Data {
  return person(poolKey(context));
}

/** A valid person in the shape of the documented example. */
function person(key: string): Data {
  return {
    externalPersonId: key,
    source: { sourceName: 'soak', sourceRef: key, sourceLink: null },
    personTypeCode: 'P',
    givenName: 'Peter',
    surname: 'Schmidt',
    birthDate: '1980-12-01',
    customerTypeCode: 'PRIVATE',
    identificationNumbers: [{ idNumber: '12123456A123', idCountryCode: 'DE', primary: true }],
    addresses: [
      { addressTypeCode: 'R', street1: 'Fennstrasse 4', cityCounty: 'Berlin', countryCode: 'DE' },
    ],
  };
}

/** A person that fails V-2: no primary identification number. */
function invalidPerson(key: string): Data {
  return {
    ...person(key),
    identificationNumbers: [{ idNumber: '12123456A123', idCountryCode: 'DE', primary: false }],
  };
}
