/**
 * HTTP/1.1 over a bare socket, for requests `fetch` will not send: a header given twice,
 * a body shorter than its Content-Length, bytes that are not HTTP at all, a client that
 * goes away half-way.
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** The body parsed as JSON, or the text when it is not JSON. */
  readonly body: unknown;
}

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  /** Sent in order, as given: a name may appear twice. */
  readonly headers?: ReadonlyArray<readonly [string, string]>;
  readonly body?: string | Uint8Array;
  /** Content-Length to announce; default the body's length. `null` sends none. */
  readonly contentLength?: number | null;
}

/** The bytes of a request; it asks the server to close the connection after answering. */
export function requestBytes(request: RawRequest): Buffer {
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const length = request.contentLength === undefined ? body.length : request.contentLength;
  const lines = [
    `${request.method} ${request.path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...(request.headers ?? []).map(([name, value]) => `${name}: ${value}`),
    ...(length === null ? [] : [`Content-Length: ${length}`]),
  ];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/** Sends raw bytes to the server at `url` and reads one answer (or what came before close). */
export function rawExchange(
  url: string,
  bytes: Uint8Array,
  options: { timeoutMs?: number; halfClose?: boolean } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      // At close, what came is all there is (an answer to HEAD has no body).
      const answer = parseResponse(Buffer.concat(chunks), true);
      if (answer === null) reject(new Error('the connection closed without an answer'));
      else resolve(answer);
    };
    const timeoutMs = options.timeoutMs ?? 10_000;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);

    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // A complete answer ends the exchange even if the server keeps the socket open.
      if (parseResponse(Buffer.concat(chunks)) !== null) settle();
    });
    socket.on('error', () => undefined);
    socket.on('close', settle);
    socket.write(bytes);
    if (options.halfClose === true) socket.end();
  });
}

/** Sends a request and reads the answer. */
export function rawRequest(url: string, request: RawRequest): Promise<RawResponse> {
  return rawExchange(url, requestBytes(request));
}

/**
 * Sends the first `sendBytes` of a request, then resets the connection: a client that dies
 * mid-upload. Resolves once the socket is gone.
 */
export function abandonRequest(url: string, request: RawRequest, sendBytes: number): Promise<void> {
  const { hostname, port } = new URL(url);
  const bytes = requestBytes(request).subarray(0, sendBytes);
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(port), hostname, () => {
      socket.write(bytes, () => setTimeout(() => socket.resetAndDestroy(), 20));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}

function parseResponse(data: Buffer, closed = false): RawResponse | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine = '', ...headerLines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) return null;

  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? Number.NaN);
  const rest = data.subarray(end + 4);
  if (Number.isInteger(length) && rest.length < length && !closed) return null;

  const text = rest.subarray(0, Number.isInteger(length) ? length : rest.length).toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Kept as text: a test then fails on the envelope, showing what came back.
  }
  return { status, headers, text, body };
}
