/**
 * Rows BI-01 … BI-12 of docs/bad-input.md: the headers every request carries (authentication,
 * request id, tenant) and the query parameters of H-1.
 */
import { call, multipart, TOKEN, uploadHeaders } from '../support/reliability-simulator.js';
import { BAD, FIXTURES, refusal, type Row } from './row.js';
import { nextRef, part, socket, uploadPath, uploadRaw } from './send.js';

export const HEADER_AND_QUERY_ROWS: Row[] = [
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
];
