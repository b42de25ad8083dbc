import { TargetError } from '../errors/target-error.js';
import type { ApiResponse, SentRequest } from './api-response.js';

export interface RequestSpec {
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly headers?: Readonly<Record<string, string | undefined>>;
  readonly body?: string | Uint8Array | FormData;
  readonly describeBody?: string;
}

export interface Transport {
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

/** Sends one request and reads the whole answer; a network failure becomes a TargetError. */
export async function sendRequest<T>(
  transport: Transport,
  spec: RequestSpec,
): Promise<ApiResponse<T>> {
  // Step 1: the URL and headers, leaving out what the caller chose to omit.
  const url = new URL(spec.path, withTrailingSlash(transport.baseUrl));
  url.pathname = joinPath(new URL(transport.baseUrl).pathname, spec.path);
  for (const [name, value] of Object.entries(spec.query ?? {})) {
    if (value !== undefined) url.searchParams.append(name, value);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.headers ?? {})) {
    if (value !== undefined) headers[name] = value;
  }

  // Step 2: send, turning a refused connection or a time-out into an actionable error.
  let response: Response;
  try {
    response = await fetch(url, {
      method: spec.method,
      headers,
      ...(spec.body === undefined ? {} : { body: spec.body }),
      signal: AbortSignal.timeout(transport.timeoutMs),
    });
  } catch (cause) {
    throw new TargetError(
      `Could not reach ${url.origin} (${spec.method} ${url.pathname}): ${describe(cause)}. ` +
        'Check that it is running at that address.',
      { cause },
    );
  }

  // Step 3: read the body; an envelope yields its data and error codes. A target that stops
  // half-way through its answer is as unreachable as one that never answers.
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new TargetError(
      `${url.origin} broke off its answer to ${spec.method} ${url.pathname} ` +
        `(${describe(cause)}). Check that the target is a data import API and is healthy.`,
      { cause },
    );
  }
  const body = parseJson(text);
  const envelope = isEnvelope(body) ? body : null;
  const { 'x-auth-token': _token, ...shownHeaders } = headers;
  const request: SentRequest = {
    method: spec.method,
    url: url.toString(),
    headers: shownHeaders,
    body: spec.describeBody ?? null,
  };
  return {
    status: response.status,
    body,
    data: (envelope?.data ?? null) as T | null,
    errors: Array.isArray(envelope?.errors) ? envelope.errors.map(String) : [],
    request,
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function joinPath(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isEnvelope(body: unknown): body is { data?: unknown; errors?: unknown[] | null } {
  return typeof body === 'object' && body !== null && 'data' in body;
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  if (cause.name === 'TimeoutError') return 'no answer before the time-out';
  // fetch hides the network error one level down, as `cause`.
  const inner = cause.cause as { code?: unknown; message?: unknown } | undefined;
  if (typeof inner?.code === 'string') return inner.code;
  return typeof inner?.message === 'string' ? inner.message : cause.message;
}
