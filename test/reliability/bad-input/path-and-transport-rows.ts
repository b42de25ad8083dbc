/**
 * Rows BI-47 … BI-55 of docs/bad-input.md: unknown paths and methods, ids that are no key,
 * and bytes the HTTP server answers before the API sees them.
 */
import { rawExchange } from '../support/raw-http.js';
import { call, TOKEN } from '../support/reliability-simulator.js';
import { refusal, type Row } from './row.js';
import { socket } from './send.js';

export const PATH_AND_TRANSPORT_ROWS: Row[] = [
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
