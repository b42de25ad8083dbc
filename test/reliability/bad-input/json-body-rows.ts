/** Rows BI-38 … BI-46 of docs/bad-input.md: the JSON bodies of H-8 and H-7. */
import { expect } from 'vitest';
import { call, person, type Data } from '../support/reliability-simulator.js';
import { ends, LIMITS, MIB, refusal, type Row } from './row.js';
import { deepArray, deepObject, nextRef, source, uploadJson } from './send.js';

export const JSON_BODY_ROWS: Row[] = [
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
];
