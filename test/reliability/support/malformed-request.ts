/**
 * fast-check arbitraries of malformed HTTP requests to the import API: every part of a
 * request — method, path, query, headers, body, framing — drawn from a mix of values that
 * are right, nearly right, and wrong. Each request is sent over its own socket.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

export type Framing = 'exact' | 'short-then-close' | 'chunked';

export interface MalformedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Uint8Array;
  readonly framing: Framing;
}

export interface RequestWorld {
  /** Tokens the simulator accepts, and which the fuzzer may use. */
  readonly validTokens: readonly string[];
  /** Tenants the fuzzer may upload into. */
  readonly tenants: readonly string[];
  /** Process ids the fuzzer may name in paths (besides made-up ones). */
  readonly knownIds: readonly string[];
  /** Ids it must never name: valid actions on them would not be malformed. */
  readonly forbiddenIds: readonly string[];
}

const ACTIONS = ['discard', 'discard-rejected-entities', 'discard-failed-entities', 'retry'];
const printable = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength,
  });

/** The whole request, for a world of tokens, tenants and ids. */
export function malformedRequest(world: RequestWorld): fc.Arbitrary<MalformedRequest> {
  return fc
    .record({
      method: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('GET', 'POST') },
        { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') },
        { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,8}$/) },
      ),
      path: pathWithQuery(world),
      headers: headers(world),
      body: body(),
      framing: fc.constantFrom<Framing>('exact', 'exact', 'exact', 'short-then-close', 'chunked'),
    })
    .map((request) => ({
      ...request,
      // A body said to be gzip is sometimes really gzip.
      body:
        request.headers.some(([name, value]) => name === 'content-encoding' && value === 'gzip') &&
        request.body.length % 2 === 0
          ? gzipSync(request.body)
          : request.body,
    }));
}

function processId(world: RequestWorld): fc.Arbitrary<string> {
  const allowed = (id: string): boolean => {
    let decoded = id;
    try {
      decoded = decodeURIComponent(id);
    } catch {
      // Broken percent-encoding names no process at all.
    }
    return !world.forbiddenIds.includes(id) && !world.forbiddenIds.includes(decoded);
  };
  return fc
    .oneof(
      fc.constantFrom(
        'DIM-0',
        'DIM-999999',
        '..%2F..%2Fetc%2Fpasswd',
        '%00',
        '%E0%A4%A',
        '__proto__',
        'constructor',
        'DIM-1%2F..',
        '%20',
      ),
      ...(world.knownIds.length > 0 ? [fc.constantFrom(...world.knownIds)] : []),
      fc.nat({ max: 5_000 }).map((n) => `DIM-${n}`),
      fc.stringMatching(/^[A-Za-z0-9._~%-]{1,40}$/),
    )
    .filter(allowed);
}

function pathWithQuery(world: RequestWorld): fc.Arbitrary<string> {
  const path = fc.oneof(
    fc.constantFrom(
      '/api/v2/import',
      '/api/v1/import/sample',
      '/api/v1/employees/authorise',
      '/openapi.json',
      '/',
      '//',
      '/api/v2/import/',
      '/API/V2/IMPORT',
      '/api/v1/import/status/../../x',
      '/api/v1/import/status/',
    ),
    processId(world).map((id) => `/api/v1/import/status/${id}`),
    fc
      .tuple(processId(world), fc.constantFrom(...ACTIONS, 'nothing', ''))
      .map(([id, action]) => `/api/v1/import/${id}/${action}`),
    fc
      .array(fc.stringMatching(/^[A-Za-z0-9._~%-]{0,12}$/), { maxLength: 5 })
      .map((segments) => `/${segments.join('/')}`),
  );
  const query = fc.oneof(
    fc.constant(''),
    fc
      .array(
        fc.tuple(
          fc.constantFrom('sourceName', 'sourceRef', 'sourceName[]', 'x', '__proto__'),
          fc.oneof(fc.constant(''), fc.constant('legacy'), printable(24)),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')),
    fc.constantFrom('%', '&&=&', 'sourceName=%ZZ', 'a=1&a=2&a=3'),
  );
  return (
    fc
      .tuple(path, query)
      .map(([base, search]) => (search === '' ? base : `${base}?${search}`))
      // The control API can reset everything: sending it valid requests is not fuzzing.
      .filter((value) => !value.toLowerCase().includes('__simulator'))
  );
}

function headers(world: RequestWorld): fc.Arbitrary<Array<[string, string]>> {
  const once = (name: string, values: fc.Arbitrary<string | null>) =>
    values.map((value): Array<[string, string]> => (value === null ? [] : [[name, value]]));
  const twice = (name: string, values: readonly string[]) =>
    fc
      .tuple(fc.constantFrom(...values), fc.constantFrom(...values))
      .map(([a, b]): Array<[string, string]> => [
        [name, a],
        [name, b],
      ]);

  const token = fc.oneof(
    once('x-auth-token', fc.constantFrom(null, '', 'made-up', 'a, b', ...world.validTokens)),
    twice('x-auth-token', [...world.validTokens, 'other']),
  );
  const tenant = fc.oneof(
    once('x-leaf-tenant-code', fc.constantFrom(null, '', 'MB, XB', ...world.tenants)),
    once('x-leaf-tenant-code', printable(12)),
    twice('x-leaf-tenant-code', world.tenants),
  );
  const requestId = fc.oneof(
    once('x-request-id', fc.constantFrom(null, null, '', 'fuzz-1', 'fuzz-2')),
    twice('x-request-id', ['fuzz-1', 'fuzz-3']),
  );
  const contentType = once(
    'content-type',
    fc.constantFrom(
      null,
      'application/json',
      'application/json; charset=latin1',
      'application/json; charset=utf-16le',
      'multipart/form-data; boundary=fuzz',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'text/plain',
      'application/x-www-form-urlencoded',
      '*/*',
    ),
  );
  const encoding = once(
    'content-encoding',
    fc.constantFrom(null, null, null, 'gzip', 'br', 'x-foo'),
  );
  const extra = fc.array(fc.tuple(fc.stringMatching(/^x-[a-z-]{1,10}$/), printable(40)), {
    maxLength: 2,
  });
  return fc
    .tuple(token, tenant, requestId, contentType, encoding, extra)
    .map((groups): Array<[string, string]> => groups.flat());
}

function body(): fc.Arbitrary<Uint8Array> {
  const text = (arbitrary: fc.Arbitrary<string>) =>
    arbitrary.map((value) => new Uint8Array(Buffer.from(value)));
  const importish = fc.record(
    {
      source: fc.oneof(
        fc.record({ sourceName: fc.string(), sourceRef: fc.string() }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      persons: fc.array(fc.oneof(fc.object({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 1 })), {
        maxLength: 3,
      }),
      accounts: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    fc.constant(new Uint8Array()),
    fc.uint8Array({ maxLength: 2_000 }),
    text(fc.json({ maxDepth: 3 })),
    text(importish.map((value) => JSON.stringify(value))),
    text(fc.integer({ min: 1_000, max: 40_000 }).map((n) => '['.repeat(n) + ']'.repeat(n))),
    text(
      fc
        .integer({ min: 1_000, max: 20_000 })
        .map(
          (n) =>
            `{"source":{"sourceName":"a","sourceRef":"b"},"persons":[{"externalPersonId":"F","source":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}]}`,
        ),
    ),
    multipartBody(),
  );
}

function multipartBody(): fc.Arbitrary<Uint8Array> {
  const part = fc.record({
    name: fc.constantFrom('file', 'other', ''),
    filename: fc.constantFrom('a.json', null),
    content: fc.oneof(fc.json({ maxDepth: 2 }), printable(200)),
  });
  return fc
    .tuple(fc.array(part, { maxLength: 3 }), fc.boolean(), fc.nat())
    .map(([parts, truncate, cut]) => {
      const text =
        parts
          .map(
            (p) =>
              `--fuzz\r\nContent-Disposition: form-data; name="${p.name}"` +
              `${p.filename === null ? '' : `; filename="${p.filename}"`}\r\n\r\n${p.content}\r\n`,
          )
          .join('') + '--fuzz--\r\n';
      const bytes = Buffer.from(text);
      return new Uint8Array(truncate ? bytes.subarray(0, cut % (bytes.length + 1)) : bytes);
    });
}

/** The bytes of the request, framed as drawn; `halfClose` when the body is cut short. */
export function encodeRequest(request: MalformedRequest): { bytes: Buffer; halfClose: boolean } {
  const head = [
    `${request.method} ${request.path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
  ];
  const body = Buffer.from(request.body);
  if (request.framing === 'chunked') {
    const chunks = body.length === 0 ? '' : `${body.length.toString(16)}\r\n`;
    return {
      bytes: Buffer.concat([
        Buffer.from(
          `${[...head, 'Transfer-Encoding: chunked'].join('\r\n')}\r\n\r\n${chunks}`,
          'latin1',
        ),
        body,
        Buffer.from(body.length === 0 ? '0\r\n\r\n' : '\r\n0\r\n\r\n'),
      ]),
      halfClose: false,
    };
  }
  const short = request.framing === 'short-then-close';
  return {
    bytes: Buffer.concat([
      Buffer.from(
        `${[...head, `Content-Length: ${body.length + (short ? 10 : 0)}`].join('\r\n')}\r\n\r\n`,
        'latin1',
      ),
      body,
    ]),
    halfClose: short,
  };
}
