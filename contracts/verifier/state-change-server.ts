import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isHarnessError } from '../../errors/harness-error.js';
import { NeedsSimulatorError } from '../errors/needs-simulator-error.js';
import { UnknownStateError } from '../errors/unknown-state-error.js';
import { setUpState } from '../provider-states/set-up-state.js';
import type { StateContext } from '../provider-states/state-context.js';
import type { ProviderStateValues } from '../provider-states/state-handler.js';
import type { StateParams } from '../provider-states/state-params.js';

/** What became of one state-change call of the verifier. */
export interface StateRecord {
  readonly state: string;
  readonly params: StateParams;
  readonly action: 'setup' | 'teardown';
  readonly outcome: 'ok' | 'needs-simulator' | 'failed';
  readonly message?: string;
  readonly values?: ProviderStateValues;
}

export interface StateChangeServer {
  /** Where the verifier posts `{state, params, action}`. */
  readonly url: string;
  /** Every call so far, in order. */
  readonly records: readonly StateRecord[];
  close(): Promise<void>;
}

/**
 * Serves the verifier's state-change calls on 127.0.0.1 and answers each with the values the
 * state provides. A state that fails answers non-2xx, which fails its interaction, and is
 * recorded with the reason so the report can say it.
 */
export async function startStateChangeServer(context: StateContext): Promise<StateChangeServer> {
  const records: StateRecord[] = [];
  // Teardowns wait here under their state and parameters until the verifier asks for them.
  const teardowns = new Map<string, Array<() => Promise<void>>>();

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const call = parseCall(await readBody(request));
    const key = JSON.stringify([call.state, call.params]);
    try {
      // Step 1: a teardown runs what its set-up left behind, if anything.
      if (call.action === 'teardown') {
        await teardowns.get(key)?.pop()?.();
        records.push({ ...call, outcome: 'ok' });
        return answer(response, 200, {});
      }

      // Step 2: an interaction without a state gets none; others are set up.
      if (call.state === '') return answer(response, 200, {});
      const setUp = await setUpState(call.state, call.params, context);
      if (setUp.teardown !== undefined) {
        teardowns.set(key, [...(teardowns.get(key) ?? []), setUp.teardown]);
      }
      records.push({ ...call, outcome: 'ok', values: setUp.values });
      return answer(response, 200, setUp.values);
    } catch (error) {
      const needsSimulator = error instanceof NeedsSimulatorError;
      const message = isHarnessError(error) ? error.message : `unexpected error: ${String(error)}`;
      records.push({ ...call, outcome: needsSimulator ? 'needs-simulator' : 'failed', message });
      // 4xx, not 5xx: the verifier retries a 5xx three times, and a set-up is not flaky.
      const status = needsSimulator ? 422 : error instanceof UnknownStateError ? 400 : 409;
      return answer(response, status, { error: message });
    }
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pact-state-change`,
    records,
    close: async () => {
      // A set-up whose interaction never reached its teardown still gives back what it held.
      for (const pending of teardowns.values()) {
        for (const teardown of pending.splice(0)) await teardown().catch(() => undefined);
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface StateCall {
  readonly state: string;
  readonly params: StateParams;
  readonly action: 'setup' | 'teardown';
}

function parseCall(text: string): StateCall {
  let body: unknown;
  try {
    body = JSON.parse(text === '' ? '{}' : text);
  } catch {
    body = {};
  }
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const params = fields['params'];
  return {
    state: typeof fields['state'] === 'string' ? fields['state'] : '',
    params: typeof params === 'object' && params !== null ? (params as StateParams) : {},
    action: fields['action'] === 'teardown' ? 'teardown' : 'setup',
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
