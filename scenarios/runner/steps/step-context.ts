import type { ApiResponse } from '../../../client/api-response.js';
import type { RequestHeaders } from '../../../client/import-api-client.js';
import type { LoadedScenario } from '../../format/load-scenario.js';
import type { Mismatch } from '../scenario-result.js';
import type { RunTarget } from '../run-target.js';

/** What the steps of one scenario share while it runs. */
export interface StepContext {
  readonly target: RunTarget;
  readonly loaded: LoadedScenario;
  readonly tenant: string;
  /** Process names given in upload steps → process ids. */
  readonly processes: Map<string, string>;
  /** Every status seen per process id, in order (for transition coverage). */
  readonly observed: Map<string, string[]>;
  /** Uploads made so far, for default batch references. */
  uploads: number;
}

/** What a step reports back: an empty `mismatches` list means it passed. */
export interface StepReport {
  readonly label: string;
  readonly mismatches: readonly Mismatch[];
  /** A sentence for failures that are not a value mismatch. */
  readonly message?: string;
  readonly response?: ApiResponse<unknown>;
  readonly rules: readonly string[];
}

/** The process id behind a name (load-time checks guarantee the name was uploaded). */
export function processId(context: StepContext, name: string): string | undefined {
  return context.processes.get(name);
}

/** Remembers the status an answer shows, for transition coverage. */
export function observe(context: StepContext, response: ApiResponse<unknown>): void {
  const data = response.data as { importProcessId?: unknown; statusCode?: unknown } | null;
  if (typeof data?.importProcessId !== 'string' || typeof data.statusCode !== 'string') return;
  const seen = context.observed.get(data.importProcessId) ?? [];
  if (seen.at(-1) !== data.statusCode) seen.push(data.statusCode);
  context.observed.set(data.importProcessId, seen);
}

/** Header choices of a step, `{run}` replaced and the scenario's tenant as default. */
export function stepHeaders(
  context: StepContext,
  step: {
    tenant?: string | null | undefined;
    token?: string | null | undefined;
    requestId?: string | undefined;
  },
  defaultTenant: string | null,
): RequestHeaders {
  const tenant = step.tenant === undefined ? defaultTenant : step.tenant;
  return {
    tenant,
    ...(step.token === undefined ? {} : { token: step.token }),
    ...(step.requestId === undefined ? {} : { requestId: step.requestId }),
  };
}
