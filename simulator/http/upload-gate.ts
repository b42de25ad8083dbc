import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError, problem } from './api-error.js';
import { drainRequest } from './drain-request.js';

/** Seconds a client refused for too many concurrent uploads is asked to wait. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Lets at most `maxConcurrent` uploads (H-1, H-8) be handled at once: each holds its body in
 * memory while it is read. One more is refused with 429 and `Retry-After`, after its body
 * has been read and dropped, so the client gets the answer rather than a reset connection.
 */
export class UploadGate {
  readonly #maxConcurrent: number;
  readonly #maxBodyBytes: number;
  #inFlight = 0;

  constructor(maxConcurrent: number, maxBodyBytes: number) {
    this.#maxConcurrent = maxConcurrent;
    this.#maxBodyBytes = maxBodyBytes;
  }

  /** Uploads being handled right now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  middleware(): RequestHandler {
    return async (req: Request, res: Response, next: NextFunction) => {
      if (this.#inFlight < this.#maxConcurrent) {
        this.#inFlight += 1;
        // `close` comes once the answer is out or the client is gone, whichever is first.
        res.once('close', () => (this.#inFlight -= 1));
        return next();
      }

      await drainRequest(req, this.#maxBodyBytes);
      const explanation = problem(
        'err.tooManyConcurrentUploads',
        `The simulator is already handling ${this.#maxConcurrent} uploads (limit ` +
          `maxConcurrentUploads). Send this one again after ${RETRY_AFTER_SECONDS} s.`,
        { errorValue: this.#maxConcurrent },
      );
      throw new ApiError(429, [explanation], { 'Retry-After': String(RETRY_AFTER_SECONDS) });
    };
  }
}
