import { ControlClient } from '../../client/control-client.js';
import type { RunTarget } from '../../scenarios/runner/run-target.js';
import { RecordingClient } from './recording-client.js';

/** Where generated cases run: a simulator (with its control API) or a provider. */
export interface ExploreTarget {
  readonly kind: 'simulator' | 'provider';
  readonly url: string;
  /** `x-auth-token`; default the client's. */
  readonly token?: string;
}

/**
 * A run target for one case, whose API client records every exchange. Against a provider
 * each case gets its own run id, so that its keys and batches never meet another case's.
 */
export function caseTarget(
  target: ExploreTarget,
  runId: string,
): RunTarget & { readonly client: RecordingClient } {
  const client = new RecordingClient({
    baseUrl: target.url,
    ...(target.token === undefined ? {} : { token: target.token }),
  });
  const simulator = target.kind === 'simulator';
  return {
    kind: target.kind,
    url: target.url,
    client,
    control: simulator ? new ControlClient({ baseUrl: target.url }) : null,
    runId: simulator ? 'run' : runId,
    pollMs: simulator ? 5 : 500,
  };
}
