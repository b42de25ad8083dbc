import { randomInt } from 'node:crypto';
import { ControlClient } from '../../client/control-client.js';
import { ImportApiClient } from '../../client/import-api-client.js';

/**
 * Where scenarios run: the embedded simulator (with its control API) or a provider's base
 * URL, which offers the public API only.
 */
export interface RunTarget {
  readonly kind: 'simulator' | 'provider';
  readonly url: string;
  readonly client: ImportApiClient;
  /** The control API; null against a provider. */
  readonly control: ControlClient | null;
  /**
   * Replaces `{run}` in keys and batch references. Fresh for each run; `replay` extends it
   * with the scenario's number, so no two scenarios and no two runs share a key or a batch.
   */
  readonly runId: string;
  /** Pause between status reads while waiting. */
  readonly pollMs: number;
}

export function simulatorTarget(url: string, token?: string): RunTarget {
  return {
    kind: 'simulator',
    url,
    client: new ImportApiClient({ baseUrl: url, ...(token === undefined ? {} : { token }) }),
    control: new ControlClient({ baseUrl: url }),
    runId: newRunId(),
    pollMs: 5,
  };
}

export function providerTarget(url: string, token?: string): RunTarget {
  return {
    kind: 'provider',
    url,
    client: new ImportApiClient({ baseUrl: url, ...(token === undefined ? {} : { token }) }),
    control: null,
    runId: newRunId(),
    pollMs: 500,
  };
}

/**
 * The target as the scenario at `index` (0-based) of a run sees it: `{run}` becomes the run
 * id and the scenario's number, e.g. `mbx1k2p3q7z-12` for the twelfth.
 */
export function scenarioTarget(target: RunTarget, index: number): RunTarget {
  return { ...target, runId: `${target.runId}-${index + 1}` };
}

/**
 * The start time in base 36 and three random characters: runs started in the same
 * millisecond (parallel CI jobs against one provider) still differ.
 */
function newRunId(): string {
  const tail = randomInt(36 ** 3)
    .toString(36)
    .padStart(3, '0');
  return `${Date.now().toString(36)}${tail}`;
}
