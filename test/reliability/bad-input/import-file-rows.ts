/**
 * Rows BI-21 … BI-37 and BI-56 of docs/bad-input.md: files in a well-formed H-1 request, which
 * create a process — ending in ERROR by technical validation, or odd but acceptable.
 */
import { expect } from 'vitest';
import { person, type Data } from '../support/reliability-simulator.js';
import { ends, LIMITS, MIB, type Row } from './row.js';
import { deepArray, deepObject, uploadFile } from './send.js';

export const IMPORT_FILE_ROWS: Row[] = [
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
      `{"persons":[${JSON.stringify(person('P-deep')).slice(0, -1)},` +
        `"birthDate":${deepObject(10_000)}}]}`,
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
    id: 'BI-56',
    name: 'a collection named twice',
    send: uploadFile(
      `{"persons":[${JSON.stringify(person('P-first'))}],` +
        `"persons":[${JSON.stringify(person('P-last'))}]}`,
    ),
    ...ends('DONE'),
  },
];
