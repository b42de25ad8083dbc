/** How the rows of docs/bad-input.md send their requests, and the files they send. */
import { rawRequest, type RawRequest } from '../support/raw-http.js';
import {
  call,
  multipart,
  person,
  upload,
  uploadHeaders,
} from '../support/reliability-simulator.js';
import { BAD } from './row.js';

let sourceRefs = 0;
export const nextRef = (): string => `ref-${++sourceRefs}`;

export const uploadPath = (query = `sourceName=legacy&sourceRef=${nextRef()}`): string =>
  `/api/v2/import?${query}`;

/** H-1 with one file part holding `content`, into the tenant of the malformed requests. */
export const uploadFile = (content: string | Uint8Array) => (url: string) =>
  upload(url, BAD, nextRef(), content);

/** H-1 with a body and headers as given (fetch). */
export const uploadRaw =
  (headers: Record<string, string>, body: string | Uint8Array, query?: string) => (url: string) =>
    call(url, uploadPath(query), { method: 'POST', headers, body });

/** Any request over a bare socket. */
export const socket = (request: () => RawRequest) => (url: string) => rawRequest(url, request());

/** H-8 with a raw body. */
export const uploadJson =
  (body: string | Uint8Array, headers: Record<string, string> = {}) =>
  (url: string) =>
    call(url, '/api/v1/import/sample', {
      method: 'POST',
      headers: uploadHeaders(BAD, { 'content-type': 'application/json', ...headers }),
      body,
    });

export const source = () => ({ sourceName: 'legacy', sourceRef: nextRef() });
export const validFile = (): string => JSON.stringify({ persons: [person(`P-${nextRef()}`)] });
export const part = (content: string = validFile()) => multipart([{ content }]);
export const deepObject = (levels: number, leaf = '1'): string =>
  '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);
export const deepArray = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);
