/**
 * Every row of docs/bad-input.md: the request, the answer it gets, and that nothing else
 * changed — no process created for a refusal, one process ending as the table says for a
 * file judged by technical validation, and every process that existed before untouched.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange, rawRequest, requestBytes, type RawRequest } from './support/raw-http.js';
import {
  call,
  control,
  expectRefusal,
  idOf,
  invalidPerson,
  multipart,
  person,
  snapshot,
  startReliabilitySimulator,
  TOKEN,
  upload,
  uploadHeaders,
  type Data,
  type ReliabilitySimulator,
} from './support/reliability-simulator.js';

const FIXTURES = 'fixtures';
const BAD = 'bad';
const MIB = 1024 * 1024;
/** Smaller than the defaults, so that the oversize rows stay fast (see docs/bad-input.md). */
const LIMITS = {
  maxBodyBytes: 4 * MIB,
  maxEntitiesPerFile: 1_000,
  maxValuesPerEntity: 5_000,
  maxValidationReportBytes: 1 * MIB,
};

type Outcome = 'ERROR' | 'DONE' | 'REJECTED';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly send: (url: string) => Promise<{ status: number; body: unknown }>;
  /** A refusal: its status and codes. */
  readonly refused?: { readonly status: number; readonly codes: readonly string[] };
  /** An accepted file: how its process ends, and the reason of an ERROR. */
  readonly accepted?: { readonly outcome: Outcome; readonly reason?: RegExp };
  readonly also?: (answer: { status: number; body: unknown; headers?: unknown }) => void;
}

let sim: ReliabilitySimulator;
let sourceRefs = 0;
const nextRef = (): string => `ref-${++sourceRefs}`;

// ---------------------------------------------------------------------------------------
// How the rows send their requests.

const uploadPath = (query = `sourceName=legacy&sourceRef=${nextRef()}`): string =>
  `/api/v2/import?${query}`;

/** H-1 with one file part holding `content`, into the tenant of the malformed requests. */
const uploadFile = (content: string | Uint8Array) => (url: string) =>
  upload(url, BAD, nextRef(), content);

/** H-1 with a body and headers as given (fetch). */
const uploadRaw =
  (headers: Record<string, string>, body: string | Uint8Array, query?: string) => (url: string) =>
    call(url, uploadPath(query), { method: 'POST', headers, body });

/** Any request over a bare socket. */
const socket = (request: () => RawRequest) => (url: string) => rawRequest(url, request());

/** H-8 with a raw body. */
const uploadJson =
  (body: string | Uint8Array, headers: Record<string, string> = {}) =>
  (url: string) =>
    call(url, '/api/v1/import/sample', {
      method: 'POST',
      headers: uploadHeaders(BAD, { 'content-type': 'application/json', ...headers }),
      body,
    });

const source = () => ({ sourceName: 'legacy', sourceRef: nextRef() });
const validFile = (): string => JSON.stringify({ persons: [person(`P-${nextRef()}`)] });
const part = (content: string = validFile()) => multipart([{ content }]);
const deepObject = (levels: number, leaf = '1'): string =>
  '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);
const deepArray = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

// ---------------------------------------------------------------------------------------
// The rows, in the order of docs/bad-input.md.

const refusal = (status: number, ...codes: string[]) => ({ refused: { status, codes } });
const ends = (outcome: Outcome, reason?: RegExp) => ({
  accepted: reason === undefined ? { outcome } : { outcome, reason },
});

const ROWS: Row[] = [
  {
    id: 'BI-01',
    name: 'an upload without x-auth-token',
    send: (url) => {
      const { contentType, body } = part();
      return call(url, uploadPath(), {
        method: 'POST',
        headers: { 'x-leaf-tenant-code': BAD, 'content-type': contentType },
        body,
      });
    },
    ...refusal(401, 'err.authTokenMissing'),
  },
  {
    id: 'BI-02',
    name: 'an empty x-auth-token',
    send: (url) => call(url, '/api/v1/import/status/DIM-1', { headers: { 'x-auth-token': '' } }),
    ...refusal(401, 'err.authTokenMissing'),
  },
  {
    id: 'BI-03',
    name: 'x-auth-token given twice',
    send: socket(() => ({
      method: 'GET',
      path: '/api/v1/import/status/DIM-1',
      headers: [
        ['x-auth-token', TOKEN],
        ['x-auth-token', 'other'],
      ],
    })),
    ...refusal(401, 'err.authTokenMissing'),
  },
  {
    id: 'BI-04',
    name: 'x-request-id given twice',
    send: socket(() => {
      const { contentType, body } = part();
      return {
        method: 'POST',
        path: uploadPath(),
        headers: [
          ['x-auth-token', TOKEN],
          ['x-leaf-tenant-code', BAD],
          ['content-type', contentType],
          ['x-request-id', 'one'],
          ['x-request-id', 'two'],
        ],
        body,
      };
    }),
    ...refusal(400, 'err.requestIdInvalid'),
  },
  {
    id: 'BI-05',
    name: 'an upload without x-leaf-tenant-code',
    send: (url) => {
      const { contentType, body } = part();
      return uploadRaw({ 'x-auth-token': TOKEN, 'content-type': contentType }, body)(url);
    },
    ...refusal(400, 'err.tenantCodeMissing'),
  },
  {
    id: 'BI-06',
    name: 'an upload with an empty x-leaf-tenant-code',
    send: (url) => {
      const { contentType, body } = part();
      return uploadRaw(
        { 'x-auth-token': TOKEN, 'x-leaf-tenant-code': '', 'content-type': contentType },
        body,
      )(url);
    },
    ...refusal(400, 'err.tenantCodeMissing'),
  },
  {
    id: 'BI-07',
    name: 'an upload with x-leaf-tenant-code given twice',
    send: socket(() => {
      const { contentType, body } = part();
      return {
        method: 'POST',
        path: uploadPath(),
        headers: [
          ['x-auth-token', TOKEN],
          ['x-leaf-tenant-code', BAD],
          ['x-leaf-tenant-code', FIXTURES],
          ['content-type', contentType],
        ],
        body,
      };
    }),
    ...refusal(400, 'err.tenantCodeMissing'),
  },
  {
    id: 'BI-08',
    name: 'an upload with a joined x-leaf-tenant-code "MB, XB"',
    send: (url) => {
      const { contentType, body } = part();
      return uploadRaw(
        { 'x-auth-token': TOKEN, 'x-leaf-tenant-code': 'MB, XB', 'content-type': contentType },
        body,
      )(url);
    },
    ...refusal(400, 'err.tenantCodeMissing'),
  },
  {
    id: 'BI-09',
    name: 'an upload without sourceName',
    send: (url) => {
      const { contentType, body } = part();
      return uploadRaw(
        uploadHeaders(BAD, { 'content-type': contentType }),
        body,
        'sourceRef=1',
      )(url);
    },
    ...refusal(400, 'err.sourceNameMissing'),
  },
  {
    id: 'BI-10',
    name: 'an upload with an empty sourceRef',
    send: (url) => {
      const { contentType, body } = part();
      return uploadRaw(
        uploadHeaders(BAD, { 'content-type': contentType }),
        body,
        'sourceName=a&sourceRef=',
      )(url);
    },
    ...refusal(400, 'err.sourceRefMissing'),
  },
  {
    id: 'BI-11',
    name: 'an upload with sourceName given twice',
    send: (url) => {
      const { contentType, body } = part();
      return uploadRaw(
        uploadHeaders(BAD, { 'content-type': contentType }),
        body,
        `sourceName=a&sourceName=b&sourceRef=${nextRef()}`,
      )(url);
    },
    ...refusal(400, 'err.sourceNameMissing'),
  },
  {
    id: 'BI-12',
    name: 'an upload with every problem at once',
    send: (url) => {
      const { contentType, body } = multipart([]);
      return uploadRaw({ 'x-auth-token': TOKEN, 'content-type': contentType }, body, '')(url);
    },
    ...refusal(
      400,
      'err.sourceNameMissing',
      'err.sourceRefMissing',
      'err.tenantCodeMissing',
      'err.importFileMissing',
    ),
  },
  {
    id: 'BI-13',
    name: 'an upload without Content-Type',
    send: socket(() => ({
      method: 'POST',
      path: uploadPath(),
      headers: [
        ['x-auth-token', TOKEN],
        ['x-leaf-tenant-code', BAD],
      ],
      body: validFile(),
    })),
    ...refusal(400, 'err.requestMultipartInvalid'),
  },
  {
    id: 'BI-14',
    name: 'an upload of application/json',
    send: uploadRaw(uploadHeaders(BAD, { 'content-type': 'application/json' }), validFile()),
    ...refusal(400, 'err.requestMultipartInvalid'),
  },
  {
    id: 'BI-15',
    name: 'multipart without a boundary',
    send: uploadRaw(uploadHeaders(BAD, { 'content-type': 'multipart/form-data' }), validFile()),
    ...refusal(400, 'err.requestMultipartInvalid'),
  },
  {
    id: 'BI-16',
    name: 'multipart with no part',
    send: (url) => {
      const { contentType, body } = multipart([]);
      return uploadRaw(uploadHeaders(BAD, { 'content-type': contentType }), body)(url);
    },
    ...refusal(400, 'err.importFileMissing'),
  },
  {
    id: 'BI-17',
    name: 'multipart with two parts',
    send: (url) => {
      const { contentType, body } = multipart([
        { content: validFile() },
        { name: 'second', content: validFile() },
      ]);
      return uploadRaw(uploadHeaders(BAD, { 'content-type': contentType }), body)(url);
    },
    ...refusal(400, 'err.importFileMultiple'),
  },
  {
    id: 'BI-18',
    name: 'multipart cut off before its closing boundary',
    send: (url) => {
      const { contentType, body } = part();
      const cut = body.subarray(0, body.length - 40);
      return uploadRaw(uploadHeaders(BAD, { 'content-type': contentType }), cut)(url);
    },
    ...refusal(400, 'err.requestMultipartInvalid'),
  },
  {
    id: 'BI-19',
    name: 'a body shorter than its Content-Length',
    send: (url) => {
      const { contentType, body } = part();
      const bytes = requestBytes({
        method: 'POST',
        path: uploadPath(),
        headers: [
          ['x-auth-token', TOKEN],
          ['x-leaf-tenant-code', BAD],
          ['content-type', contentType],
        ],
        body: body.subarray(0, 100),
        contentLength: body.length,
      });
      return rawExchange(url, bytes, { halfClose: true });
    },
    ...refusal(400, 'err.requestMalformed'),
  },
  {
    id: 'BI-20',
    name: 'an upload over maxBodyBytes',
    send: uploadFile(JSON.stringify({ persons: [person('P-big', { pad: 'x'.repeat(5 * MIB) })] })),
    ...refusal(413, 'err.importFileTooLarge'),
    also: (answer) => {
      const items = (answer.body as { validationErrors: Data[] }).validationErrors;
      expect(items[0]?.['errorMessage']).toContain(`limit of ${LIMITS.maxBodyBytes} bytes`);
      expect(items[0]?.['errorValue']).toBe(LIMITS.maxBodyBytes);
    },
  },
  {
    id: 'BI-21',
    name: 'an empty file part',
    send: uploadFile(''),
    ...ends('ERROR', /the file is empty/),
  },
  {
    id: 'BI-22',
    name: 'a file that is not UTF-8',
    send: uploadFile(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
    ...ends('ERROR', /not valid UTF-8/),
  },
  {
    id: 'BI-23',
    name: 'a file that is not JSON',
    send: uploadFile('{"persons": [ {"externalPersonId": "P-1",'),
    ...ends('ERROR', /not valid JSON/),
  },
  {
    id: 'BI-24',
    name: 'a file whose top level is a number',
    send: uploadFile('42'),
    ...ends('ERROR', /top level must be an object or an array/),
  },
  {
    id: 'BI-25',
    name: 'arrays nested 100 000 levels deep',
    send: uploadFile(deepArray(100_000)),
    ...ends('ERROR', /each element must be an object/),
  },
  {
    id: 'BI-26',
    name: 'a file of unknown collections only',
    send: uploadFile(JSON.stringify({ people: [person('P-1')] })),
    ...ends('ERROR', /holds no entity/),
  },
  {
    id: 'BI-27',
    name: 'a collection that is not an array',
    send: uploadFile(JSON.stringify({ persons: {} })),
    ...ends('ERROR', /persons must be an array/),
  },
  {
    id: 'BI-28',
    name: 'an element of the wrong type',
    send: uploadFile(JSON.stringify({ persons: [1] })),
    ...ends('ERROR', /each element must be an object/),
  },
  {
    id: 'BI-29',
    name: 'a key field that is not a string',
    send: uploadFile(JSON.stringify({ persons: [{ externalPersonId: 7 }] })),
    ...ends('ERROR', /externalPersonId must be a non-empty string/),
  },
  {
    id: 'BI-30',
    name: 'an entity whose source nests 10 000 levels deep',
    send: uploadFile(`{"persons":[{"externalPersonId":"P-deep","source":${deepObject(10_000)}}]}`),
    ...ends('ERROR', /maxNestingDepth/),
  },
  {
    id: 'BI-31',
    name: 'an invalid field nesting 10 000 levels deep',
    send: uploadFile(
      `{"persons":[${JSON.stringify(person('P-deep')).slice(0, -1)},"birthDate":${deepObject(10_000)}}]}`,
    ),
    ...ends('ERROR', /maxNestingDepth/),
  },
  {
    id: 'BI-32',
    name: 'more entities than maxEntitiesPerFile',
    send: uploadFile(
      JSON.stringify({
        persons: Array.from({ length: LIMITS.maxEntitiesPerFile + 1 }, (_, n) => ({
          externalPersonId: `P-${n}`,
        })),
      }),
    ),
    ...ends('ERROR', /maxEntitiesPerFile/),
  },
  {
    id: 'BI-33',
    name: 'a runaway list of empty items',
    send: uploadFile(
      JSON.stringify({
        persons: [person('P-list', { identificationNumbers: Array(200_000).fill({}) })],
      }),
    ),
    ...ends('ERROR', /maxValuesPerEntity/),
  },
  {
    id: 'BI-34',
    name: 'a 200 KB source echoed by many errors',
    send: uploadFile(
      JSON.stringify({
        persons: [
          person('P-echo', {
            source: { sourceName: 'x', sourceRef: 'y'.repeat(200_000) },
            identificationNumbers: Array(20).fill({}),
          }),
        ],
      }),
    ),
    ...ends('ERROR', /maxValidationReportBytes/),
  },
  {
    id: 'BI-35',
    name: 'numbers too large for a double',
    send: uploadFile(
      `{"persons":[${JSON.stringify(person('P-n1')).slice(0, -1)},"birthDate":1e400},` +
        `${JSON.stringify(person('P-n2')).slice(0, -1)},"birthDate":${'9'.repeat(1_000)}}]}`,
    ),
    ...ends('REJECTED'),
  },
  {
    id: 'BI-36',
    name: 'a valid person with a 3 MB string',
    send: uploadFile(
      JSON.stringify({ persons: [person('P-long', { pepExplanation: 'x'.repeat(3 * MIB) })] }),
    ),
    ...ends('DONE'),
  },
  {
    id: 'BI-37',
    name: '__proto__ and constructor keys',
    send: uploadFile(
      `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},` +
        `"persons":[${JSON.stringify(person('P-proto')).slice(0, -1)},` +
        `"__proto__":{"polluted":true,"customerTypeCode":"NOPE"},"constructor":"x"}]}`,
    ),
    ...ends('DONE'),
    also: () => expect(({} as Data)['polluted']).toBeUndefined(),
  },
  {
    id: 'BI-38',
    name: 'an H-8 body that is not JSON',
    send: uploadJson('{"source": '),
    ...refusal(400, 'err.requestJsonInvalid'),
  },
  {
    id: 'BI-39',
    name: 'an H-8 body that is a JSON array',
    send: uploadJson('[]'),
    ...refusal(400, 'err.requestJsonInvalid'),
  },
  {
    id: 'BI-40',
    name: 'an H-8 body that is not UTF-8',
    send: (url) =>
      uploadJson(
        Buffer.concat([
          Buffer.from(`{"source":${JSON.stringify(source())},"persons":[{"externalPersonId":"`),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('"}]}'),
        ]),
      )(url),
    ...refusal(400, 'err.requestJsonInvalid'),
  },
  {
    id: 'BI-41',
    name: 'an H-8 body with an unknown Content-Encoding',
    send: (url) =>
      uploadJson(JSON.stringify({ source: source() }), { 'content-encoding': 'zip9' })(url),
    ...refusal(400, 'err.requestJsonInvalid'),
  },
  {
    id: 'BI-42',
    name: 'an H-8 body said to be gzip that is not',
    send: (url) =>
      uploadJson(JSON.stringify({ source: source() }), { 'content-encoding': 'gzip' })(url),
    ...refusal(400, 'err.requestJsonInvalid'),
  },
  {
    id: 'BI-43',
    name: 'an H-8 sourceName nested 10 000 levels deep',
    send: uploadJson(
      `{"source":{"sourceName":${deepObject(10_000)},"sourceRef":"1"},"persons":[]}`,
    ),
    ...refusal(400, 'err.sourceNameMissing'),
    also: (answer) => {
      const items = (answer.body as { validationErrors: Data[] }).validationErrors;
      expect(items[0]?.['errorValue']).toBeNull();
    },
  },
  {
    id: 'BI-44',
    name: 'an H-8 body over maxBodyBytes',
    send: (url) =>
      uploadJson(
        JSON.stringify({
          source: source(),
          persons: [person('P-big', { pad: 'x'.repeat(5 * MIB) })],
        }),
      )(url),
    ...refusal(413, 'err.importFileTooLarge'),
    also: (answer) => expect(JSON.stringify(answer.body)).toContain(`${LIMITS.maxBodyBytes} bytes`),
  },
  {
    id: 'BI-45',
    name: 'an H-8 body nesting 100 000 deep under an unknown key',
    send: (url) =>
      uploadJson(
        `{"source":${JSON.stringify(source())},"junk":${deepArray(100_000)},` +
          `"persons":[${JSON.stringify(person(`P-${nextRef()}`))}]}`,
      )(url),
    ...ends('DONE'),
  },
  {
    id: 'BI-46',
    name: 'an H-7 body that is not JSON',
    send: (url) =>
      call(url, '/api/v1/employees/authorise', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'username=ops&password=x',
      }),
    ...refusal(400, 'err.credentialsMissing'),
  },
  {
    id: 'BI-47',
    name: 'an unknown path',
    send: (url) => call(url, '/api/v1/imports', { headers: { 'x-auth-token': TOKEN } }),
    ...refusal(404, 'err.resourceNotFound'),
  },
  {
    id: 'BI-48',
    name: 'a known path with another method',
    send: (url) =>
      call(url, '/api/v1/import/DIM-1/retry', {
        method: 'PATCH',
        headers: { 'x-auth-token': TOKEN },
      }),
    ...refusal(405, 'err.httpMethodNotAllowed'),
  },
  {
    id: 'BI-49',
    name: 'an id with encoded path characters',
    send: (url) =>
      call(url, '/api/v1/import/status/..%2F..%2Fetc%2Fpasswd', {
        headers: { 'x-auth-token': TOKEN },
      }),
    ...refusal(404, 'err.importProcessNotFound'),
  },
  {
    id: 'BI-50',
    name: 'a raw ../ in the path',
    send: socket(() => ({
      method: 'GET',
      path: '/api/v1/import/status/../../../etc/passwd',
      headers: [['x-auth-token', TOKEN]],
    })),
    ...refusal(404, 'err.resourceNotFound'),
  },
  {
    id: 'BI-51',
    name: 'a path that is not valid percent-encoding',
    send: (url) =>
      call(url, '/api/v1/import/status/%E0%A4%A', { headers: { 'x-auth-token': TOKEN } }),
    ...refusal(404, 'err.resourceNotFound'),
  },
  {
    id: 'BI-52',
    name: 'an id that was never issued',
    send: (url) =>
      call(url, '/api/v1/import/DIM-999999/discard', {
        method: 'POST',
        headers: { 'x-auth-token': TOKEN },
      }),
    ...refusal(404, 'err.importProcessNotFound'),
  },
  {
    id: 'BI-53',
    name: 'headers over 16 KiB',
    send: (url) =>
      call(url, '/api/v1/import/status/DIM-1', {
        headers: { 'x-auth-token': TOKEN, 'x-padding': 'p'.repeat(20_000) },
      }),
    ...refusal(431, 'err.requestHeadersTooLarge'),
  },
  {
    id: 'BI-54',
    name: 'bytes that are not HTTP',
    send: (url) => rawExchange(url, Buffer.from('\u0016\u0003\u0001 not http at all\r\n\r\n')),
    ...refusal(400, 'err.requestMalformed'),
  },
  {
    id: 'BI-55',
    name: 'a Content-Length that is not a number',
    send: (url) =>
      rawExchange(
        url,
        Buffer.from(
          'POST /api/v1/import/sample HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ten\r\n\r\n{}',
        ),
      ),
    ...refusal(400, 'err.requestMalformed'),
  },
];

// ---------------------------------------------------------------------------------------
// The suite: one simulator with a process in each kind of status that must not change.

const fixtureIds: string[] = [];

beforeAll(async () => {
  sim = await startReliabilitySimulator(LIMITS);
  await control(sim.url, '/faults', 'DELETE');
  const fault = await call(sim.url, '/__simulator/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ match: { key: 'FX-FAILED' }, refuse: 'every' }),
  });
  expect(fault.status).toBe(201);
  for (const [ref, file] of [
    ['fx-done', { persons: [person('FX-DONE')] }],
    ['fx-rejected', { persons: [person('FX-OK'), invalidPerson('FX-BAD')] }],
    ['fx-failed', { persons: [person('FX-FAILED')] }],
  ] as const) {
    fixtureIds.push(idOf(await upload(sim.url, FIXTURES, ref, JSON.stringify(file))));
  }
});

afterAll(async () => {
  await sim.close();
});

afterEach(() => {
  expect(sim.internalErrors).toEqual([]);
});

describe('bad input (docs/bad-input.md)', () => {
  it('has fixture processes in DONE, REJECTED and FAILED to watch', async () => {
    const statuses = await Promise.all(
      fixtureIds.map(async (id) => {
        const inspected = await control<{ status: Data }>(sim.url, `/processes/${id}`);
        return inspected.status['statusCode'];
      }),
    );
    expect(statuses).toEqual(['DONE', 'REJECTED', 'FAILED']);
  });

  for (const row of ROWS) {
    it(`${row.id} answers ${row.name} as documented and changes nothing else`, async () => {
      const before = await snapshot(sim.url, [FIXTURES, BAD]);

      const answer = await row.send(sim.url);

      if (row.refused !== undefined) {
        expectRefusal(answer, row.refused.status, ...row.refused.codes);
        expect(await snapshot(sim.url, [FIXTURES, BAD])).toEqual(before);
      } else if (row.accepted !== undefined) {
        await expectOneNewProcess(before, answer, row.accepted);
      }
      row.also?.(answer);

      // The server still answers, and never with a 5xx.
      const alive = await call(sim.url, `/api/v1/import/status/${fixtureIds[0] ?? ''}`, {
        headers: { 'x-auth-token': TOKEN },
      });
      expect(alive.status).toBe(200);
    });
  }

  it('documents every row it tests, and tests every row it documents', () => {
    const documented = documentedRows();
    expect(documented.map((row) => row.id)).toEqual(ROWS.map((row) => row.id));
    for (const row of ROWS) {
      const doc = documented.find((candidate) => candidate.id === row.id);
      if (row.refused !== undefined) {
        expect({ id: row.id, status: doc?.status, codes: doc?.codes }).toEqual({
          id: row.id,
          status: row.refused.status,
          codes: row.refused.codes,
        });
      } else {
        expect({ id: row.id, status: doc?.status, outcome: doc?.outcome }).toEqual({
          id: row.id,
          status: 202,
          outcome: row.accepted?.outcome,
        });
      }
    }
  });
});

/** The old processes unchanged, one new one in the tenant of bad requests, ending as told. */
async function expectOneNewProcess(
  before: Awaited<ReturnType<typeof snapshot>>,
  answer: { status: number; body: unknown },
  accepted: NonNullable<Row['accepted']>,
): Promise<void> {
  const id = idOf({ ...answer, headers: new Headers() });
  const after = await snapshot(sim.url, [FIXTURES, BAD]);
  const statusOf = (process: Data): Data => process['status'] as Data;
  const old = after.processes.filter((process) => statusOf(process)['importProcessId'] !== id);
  expect(old).toEqual(before.processes);
  expect(after.created[FIXTURES]).toEqual(before.created[FIXTURES]);

  const created = after.processes.find((process) => statusOf(process)['importProcessId'] === id);
  expect(created?.['tenant']).toBe(BAD);
  expect(statusOf(created ?? {})['statusCode']).toBe(accepted.outcome);
  if (accepted.reason !== undefined) {
    expect(String(created?.['technicalError'])).toMatch(accepted.reason);
  }

  // Its status object reads as the envelope, however odd the file was.
  const read = await call(sim.url, `/api/v1/import/status/${id}`, {
    headers: { 'x-auth-token': TOKEN },
  });
  expect(read.status).toBe(200);
  if (accepted.outcome === 'ERROR') {
    expect((read.body as { data: Data }).data).toMatchObject({
      statusCode: 'ERROR',
      validationStatus: null,
      validationErrors: null,
      dispatchStatus: null,
    });
  }
}

interface DocumentedRow {
  readonly id: string;
  readonly status: number;
  readonly codes: readonly string[];
  readonly outcome: string | null;
}

/** The BI rows of docs/bad-input.md: id, the status of the answer, and the codes or outcome. */
function documentedRows(): DocumentedRow[] {
  const text = readFileSync(new URL('../../docs/bad-input.md', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => /^\| BI-\d\d /.test(line))
    .map((line) => {
      const [, id = '', , answer = '', codes = ''] = line.split('|').map((cell) => cell.trim());
      return {
        id,
        status: Number(/\d{3}/.exec(answer)?.[0]),
        codes: [...codes.matchAll(/`(err\.\w+)`/g)].map((match) => match[1] ?? ''),
        outcome: /then (\w+)/.exec(answer)?.[1] ?? null,
      };
    });
}
