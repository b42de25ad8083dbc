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
  /** Replaces `{run}` in keys and batch references, so reruns against a provider do not clash. */
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
    runId: 'run',
    pollMs: 5,
  };
}

export function providerTarget(url: string, token?: string): RunTarget {
  return {
    kind: 'provider',
    url,
    client: new ImportApiClient({ baseUrl: url, ...(token === undefined ? {} : { token }) }),
    control: null,
    runId: Date.now().toString(36),
    pollMs: 500,
  };
}
