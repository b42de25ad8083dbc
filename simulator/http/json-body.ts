import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';

const bodySizes = new WeakMap<IncomingMessage, number>();
const utf8Bodies = new WeakMap<IncomingMessage, Buffer>();

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
      if (!/^utf-?8$/i.test(encoding)) {
        const text = decodeOther(buffer, encoding);
        if (text !== null) utf8Bodies.set(req, Buffer.from(text, 'utf8'));
        return;
      }
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buffer);
        utf8Bodies.set(req, buffer);
      } catch {
        throw Object.assign(new Error('The body is not valid UTF-8. Send UTF-8 JSON.'), {
          type: 'entity.verify.failed',
        });
      }
    },
  });
}

/** The body read by `jsonBody` as UTF-8 bytes, as the client sent it when it sent UTF-8. */
export function jsonBodyUtf8(req: IncomingMessage): Buffer | null {
  return utf8Bodies.get(req) ?? null;
}

/** A body in another Unicode encoding (UTF-16), as text; null when it cannot be decoded. */
function decodeOther(buffer: Buffer, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(buffer);
  } catch {
    return null;
  }
}

/** The size in bytes of a body read by `jsonBody`, or 0 when it read none. */
export function jsonBodyBytes(req: IncomingMessage): number {
  return bodySizes.get(req) ?? 0;
}
