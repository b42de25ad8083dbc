import { createServer } from 'node:net';

/**
 * A port on the loopback interface that nothing listens on right now, for the servers the
 * scripts, benchmarks and documentation tests start as children.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error(`No free port on ${host}.`)),
      );
    });
  });
}
