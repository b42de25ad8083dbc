import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatorEngine } from './engine/simulator-engine.js';
import { TokenRegistry } from './engine/token-registry.js';
import { createApp, type RequestEvent } from './http/create-app.js';
import { resolveSimulatorOptions, type SimulatorOptions } from './simulator-options.js';

export interface StartSimulatorOptions extends SimulatorOptions {
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
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
  const tokens = new TokenRegistry(resolved.users, resolved.tokenTtlMs, resolved.clock);
  const app = createApp({
    engine,
    tokens,
    ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
    ...(options.onInternalError === undefined ? {} : { onInternalError: options.onInternalError }),
  });

  const server = createServer(app);
  const host = options.host ?? '127.0.0.1';
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

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
