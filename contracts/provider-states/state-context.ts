import { randomBytes } from 'node:crypto';
import type { ControlClient } from '../../client/control-client.js';
import type { ImportApiClient } from '../../client/import-api-client.js';

/** Tenant of states that name none: the one scenarios use by default too. */
export const DEFAULT_STATE_TENANT = 'harness';

/** What a state handler works with: the provider's public API and, on a simulator, more. */
export interface StateContext {
  /** The public API (H-1 … H-8), with the run's token. */
  readonly client: ImportApiClient;
  /** The control API; null when the provider has none. */
  readonly control: ControlClient | null;
  /** Tenant of states that name none. */
  readonly tenant: string;
  /** A key no earlier set-up used, e.g. `PACT-P-lq2x9k-3f2a1c-7`: states may repeat. */
  readonly uniqueKey: (prefix: string) => string;
  /** Pause between status reads while waiting for a status. */
  readonly pollMs: number;
  /** How long a state may wait for a process to reach its status. */
  readonly timeoutMs: number;
}

export interface StateContextOptions {
  readonly client: ImportApiClient;
  readonly control: ControlClient | null;
  readonly tenant?: string;
  readonly pollMs?: number;
  readonly timeoutMs?: number;
}

export function createStateContext(options: StateContextOptions): StateContext {
  // Time and randomness both go into the run id, so two CI jobs against one provider differ.
  const runId = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  let counter = 0;
  return {
    client: options.client,
    control: options.control,
    tenant: options.tenant ?? DEFAULT_STATE_TENANT,
    uniqueKey: (prefix) => `${prefix}-${runId}-${++counter}`,
    pollMs: options.pollMs ?? (options.control === null ? 250 : 5),
    timeoutMs: options.timeoutMs ?? 30_000,
  };
}
