import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';

const bodySizes = new WeakMap<IncomingMessage, number>();

/**
 * The JSON body parser of H-7, H-8 and the control API: any content type, any JSON value,
 * at most `limit` bytes (after decompression). UTF-8 bodies must be valid UTF-8, as a file
 * part must be for H-1, rather than have broken bytes silently replaced.
 */
export function jsonBody(limit: number): RequestHandler {
  return express.json({
    limit,
    type: () => true,
    strict: false,
    verify: (req, _res, buffer, encoding) => {
      bodySizes.set(req, buffer.length);
      if (!/^utf-?8$/i.test(encoding)) return;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buffer);
      } catch {
        throw Object.assign(new Error('The body is not valid UTF-8. Send UTF-8 JSON.'), {
          type: 'entity.verify.failed',
        });
      }
    },
  });
}

/** The size in bytes of a body read by `jsonBody`, or 0 when it read none. */
export function jsonBodyBytes(req: IncomingMessage): number {
  return bodySizes.get(req) ?? 0;
}
