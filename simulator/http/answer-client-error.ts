import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem } from './api-error.js';
import { failure } from './envelope.js';

interface ClientErrorAnswer {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * The `clientError` handler of the HTTP server: a request Node cannot parse (not HTTP, a
 * broken header, headers over the size limit, a malformed chunk) never reaches the app, so
 * it is answered here, with the usual envelope, and the connection is closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A connection the client already dropped, or one with an answer under way, gets nothing.
  const busy = (socket as { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || busy?.headersSent === true) {
    socket.destroy();
    return;
  }

  const answer = describe(error.code);
  const body = JSON.stringify(failure([problem(answer.code, answer.message)]));
  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

function describe(code: string | undefined): ClientErrorAnswer {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      code: 'err.requestHeadersTooLarge',
      message:
        'The request line and headers are larger than the server accepts (16 KiB). Send ' +
        'shorter headers and query strings.',
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      code: 'err.requestTimeout',
      message: 'The request was not received completely in time. Send it again.',
    };
  }
  return {
    status: 400,
    code: 'err.requestMalformed',
    message: `The request is not well-formed HTTP/1.1 (${code ?? 'parse error'}). Check the request line, headers and body framing.`,
  };
}
