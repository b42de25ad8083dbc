import type { Request } from 'express';

/**
 * Reads whatever is left of a request body and throws it away, so that a refused upload is
 * answered after the client has sent everything and never sees a reset connection.
 * Gives up after `limit` bytes: past that the answer goes out and the connection closes.
 */
export function drainRequest(req: Request, limit: number): Promise<void> {
  if (req.readableEnded || req.complete) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (): void => {
      req.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.length;
      if (seen > limit) finish();
    };
    req.on('data', onData);
    req.once('end', finish);
    req.once('error', finish);
    req.once('close', finish);
    req.resume();
  });
}
