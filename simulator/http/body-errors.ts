import type { Request } from 'express';
import { API_PATHS } from '../../api/endpoints.js';
import { ApiError } from './api-error.js';

/**
 * The refusal for an error of the JSON body parser: a body that is too large, is not JSON,
 * is not UTF-8, is compressed in a way the parser does not know, or was cut off by the client.
 * Those are the client's, never the simulator's; null for anything else.
 */
export function bodyParserRefusal(error: unknown, req: Request): ApiError | null {
  const { type, status, limit, charset, encoding } = (error ?? {}) as {
    type?: unknown;
    status?: unknown;
    limit?: unknown;
    charset?: unknown;
    encoding?: unknown;
  };
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;

  if (type === 'entity.too.large') {
    return ApiError.single(
      413,
      'err.importFileTooLarge',
      `The request body is larger than the limit of ${String(limit)} bytes. Split the ` +
        'import file into smaller batches.',
      { errorValue: typeof limit === 'number' ? limit : null },
    );
  }
  return ApiError.single(400, codeFor(req), messageFor(type, error, { charset, encoding }));
}

/** Each endpoint that reads JSON has its own code for an unreadable body. */
function codeFor(req: Request): string {
  if (req.path === API_PATHS.authorise) return 'err.credentialsMissing';
  if (req.path === API_PATHS.uploadJson) return 'err.requestJsonInvalid';
  return 'err.controlRequestInvalid';
}

function messageFor(
  type: unknown,
  error: unknown,
  details: { charset: unknown; encoding: unknown },
): string {
  switch (type) {
    case 'entity.verify.failed':
      return error instanceof Error ? error.message : 'The body is not valid UTF-8.';
    case 'charset.unsupported':
      return `The body's charset ${JSON.stringify(details.charset)} is not supported. Send UTF-8 JSON.`;
    case 'encoding.unsupported':
      return (
        `Content-Encoding ${JSON.stringify(details.encoding)} is not supported. Send the ` +
        'body uncompressed, or as gzip, deflate or br.'
      );
    case 'request.aborted':
      return 'The client closed the connection before the body was complete.';
    case 'request.size.invalid':
      return 'The body is not as long as its Content-Length says. Send the whole body.';
    case 'entity.parse.failed':
      return 'The body is not valid JSON. Send a JSON object.';
    default:
      return 'The body could not be read: its bytes do not match its Content-Encoding.';
  }
}
