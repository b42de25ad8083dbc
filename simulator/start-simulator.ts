import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../errors/config-error.js';
import { SimulatorEngine } from './engine/simulator-engine.js';
import { TokenRegistry } from './engine/token-registry.js';
import { answerClientError } from './http/answer-client-error.js';
import { createApp, type RequestEvent } from './http/create-app.js';
import { resolveSimulatorOptions, type SimulatorOptions } from './simulator-options.js';

export interface StartSimulatorOptions extends SimulatorOptions {
  /** Port to listen on. Default `0`: any free port. */
  port?: number;
  /** Called once per answered request, for logs. */
  onRequest?: (event: RequestEvent) => void;
  /** Called with errors the simulator did not expect (answered as 500). */
  onInternalError?: (error: unknown) => void;
}

export interface RunningSimulator {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  readonly engine: SimulatorEngine;
  /** Stops listening and cancels pending transitions. */
  close(): Promise<void>;
}

/**
 * Starts a simulator of the data import API on a port and returns its URL.
 *
 * @example
 * const simulator = await startSimulator({ pace: 'step' });
 * // … point a client at simulator.url …
 * await simulator.close();
 */
export async function startSimulator(
  options: StartSimulatorOptions = {},
): Promise<RunningSimulator> {
  const resolved = resolveSimulatorOptions(options);
  const engine = new SimulatorEngine(resolved);
  const tokens = new TokenRegistry(resolved);
  const app = createApp({
    engine,
    tokens,
    ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
    ...(options.onInternalError === undefined ? {} : { onInternalError: options.onInternalError }),
  });

  // Requests Node cannot even parse are answered with the envelope too, not a bare status.
  const server = createServer(app);
  server.on('clientError', answerClientError);

  const host = resolved.host;
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}`,
    engine,
    close: async () => {
      engine.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Listens, turning a port in use or an unknown interface into one actionable sentence. */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (cause: NodeJS.ErrnoException): void => {
      const why =
        cause.code === 'EADDRINUSE'
          ? 'the port is already in use. Stop what holds it, or pick another port (0 picks a free one)'
          : cause.code === 'EADDRNOTAVAIL' || cause.code === 'ENOTFOUND'
            ? 'this machine has no such interface. Use 127.0.0.1, or an address of this machine'
            : cause.code === 'EACCES'
              ? 'permission denied. Ports below 1024 need privileges; pick a higher port'
              : (cause.code ?? cause.message);
      reject(new ConfigError(`Cannot listen on ${host}:${port}: ${why}.`, { cause }));
    };
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}
