import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { drainRequest } from './drain-request.js';

interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** How many answered request ids are remembered; the oldest are forgotten first. */
const REMEMBERED_IDS = 10_000;

/**
 * `x-request-id` de-duplication for POST endpoints: a repeated id (same token) gets the
 * status and body of the first successful request with that id, and nothing is performed
 * again. A refused request does not claim its id. A duplicate that arrives while the first
 * is still being handled waits for it.
 */
export class IdempotencyCache {
  readonly #answers = new Map<string, StoredAnswer>();
  readonly #inFlight = new Map<string, Promise<void>>();

  clear(): void {
    this.#answers.clear();
  }

  middleware(maxBodyBytes: number): RequestHandler {
    return async (req: Request, res: Response, next: NextFunction) => {
      const requestId = req.get('x-request-id') ?? '';
      if (requestId === '') return next();
      const key = JSON.stringify([req.get('x-auth-token') ?? '', requestId]);

      // Step 1: wait for an earlier request with this id that is still being handled.
      for (let pending = this.#inFlight.get(key); pending; pending = this.#inFlight.get(key)) {
        await pending;
      }

      // Step 2: a stored answer is replayed as it was, after reading the body it ignores.
      const stored = this.#answers.get(key);
      if (stored !== undefined) {
        await drainRequest(req, maxBodyBytes);
        res.status(stored.status).json(stored.body);
        return;
      }

      // Step 3: handle it, and keep the answer if it is a success.
      let release: () => void = () => undefined;
      this.#inFlight.set(key, new Promise((resolve) => (release = resolve)));
      const send = res.json.bind(res);
      res.json = (body: unknown) => {
        if (res.statusCode >= 200 && res.statusCode < 300)
          this.#remember(key, res.statusCode, body);
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
    this.#answers.set(key, { status, body });
    if (this.#answers.size > REMEMBERED_IDS) {
      const oldest = this.#answers.keys().next();
      if (oldest.done !== true) this.#answers.delete(oldest.value);
    }
  }
}
