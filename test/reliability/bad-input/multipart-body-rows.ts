/** Rows BI-13 … BI-20 of docs/bad-input.md: multipart bodies of H-1, refused as a whole. */
import { expect } from 'vitest';
import { rawExchange, requestBytes } from '../support/raw-http.js';
import {
  multipart,
  person,
  TOKEN,
  uploadHeaders,
  type Data,
} from '../support/reliability-simulator.js';
import { BAD, LIMITS, MIB, refusal, type Row } from './row.js';
import { part, socket, uploadFile, uploadPath, uploadRaw, validFile } from './send.js';

export const MULTIPART_BODY_ROWS: Row[] = [
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
];
