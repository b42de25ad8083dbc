import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { jsonLength } from '../../model/import-file/json-measure.js';
import type { SimulatorLimits } from '../simulator-options.js';
import { ApiError } from './api-error.js';
import { drainRequest } from './drain-request.js';
import { headerValue } from './request-headers.js';

interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
  /** About the length of the body's JSON, for the byte limit. */
  readonly bytes: number;
}

export type IdempotencyLimits = Pick<
  SimulatorLimits,
  'maxRequestIds' | 'maxRequestIdBytes' | 'maxBodyBytes'
>;

/**
 * `x-request-id` de-duplication for POST endpoints: a repeated id (same token) gets the
 * status and body of the first successful request with that id, and nothing is performed
 * again. A refused request does not claim its id. A duplicate that arrives while the first
 * is still being handled waits for it. At most `maxRequestIds` answers, and about
 * `maxRequestIdBytes` of them, are remembered: the oldest are forgotten first (the newest is
 * always kept), and a request repeating a forgotten id is performed again.
 */
export class IdempotencyCache {
  readonly #limits: IdempotencyLimits;
  readonly #answers = new Map<string, StoredAnswer>();
  readonly #inFlight = new Map<string, Promise<void>>();
  #bytes = 0;

  constructor(limits: IdempotencyLimits) {
    this.#limits = limits;
  }

  /** Answers remembered, and about how many bytes of JSON they hold. */
  get stats(): { readonly remembered: number; readonly bytes: number; readonly inFlight: number } {
    return { remembered: this.#answers.size, bytes: this.#bytes, inFlight: this.#inFlight.size };
  }

  clear(): void {
    this.#answers.clear();
    this.#bytes = 0;
  }

  middleware(): RequestHandler {
    return async (req: Request, res: Response, next: NextFunction) => {
      // Step 1: no id, no de-duplication; an id given twice is ambiguous and refused.
      const requestId = headerValue(req, 'x-request-id') ?? '';
      if (requestId === '') return next();
      if (Array.isArray(requestId)) {
        await drainRequest(req, this.#limits.maxBodyBytes);
        throw ApiError.single(
          400,
          'err.requestIdInvalid',
          `The x-request-id header was given ${requestId.length} times. Send it once, so ` +
            'that a repeated request can be recognised.',
          { fieldName: 'x-request-id', errorValue: requestId },
        );
      }
      const key = JSON.stringify([req.get('x-auth-token') ?? '', requestId]);

      // Step 2: wait for an earlier request with this id that is still being handled.
      for (let pending = this.#inFlight.get(key); pending; pending = this.#inFlight.get(key)) {
        await pending;
      }

      // Step 3: a stored answer is replayed as it was, after reading the body it ignores.
      const stored = this.#answers.get(key);
      if (stored !== undefined) {
        await drainRequest(req, this.#limits.maxBodyBytes);
        res.status(stored.status).json(stored.body);
        return;
      }

      // Step 4: handle it, and keep the answer if it is a success.
      let release: () => void = () => undefined;
      this.#inFlight.set(key, new Promise((resolve) => (release = resolve)));
      const send = res.json.bind(res);
      res.json = (body: unknown) => {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          this.#remember(key, res.statusCode, body);
        }
        return send(body);
      };
      res.once('close', () => {
        this.#inFlight.delete(key);
        release();
      });
      next();
    };
  }

  #remember(key: string, status: number, body: unknown): void {
    const bytes = jsonLength(body, this.#limits.maxRequestIdBytes);
    this.#answers.set(key, { status, body, bytes });
    this.#bytes += bytes;

    // The oldest answers go first; the one just stored stays whatever its size.
    for (const [oldKey, answer] of this.#answers) {
      const over =
        this.#answers.size > this.#limits.maxRequestIds ||
        this.#bytes > this.#limits.maxRequestIdBytes;
      if (!over || oldKey === key) break;
      this.#answers.delete(oldKey);
      this.#bytes -= answer.bytes;
    }
  }
}
