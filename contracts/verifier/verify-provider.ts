import { ControlClient } from '../../client/control-client.js';
import { ImportApiClient } from '../../client/import-api-client.js';
import { TargetError } from '../../errors/target-error.js';
import { startSimulator, type RunningSimulator } from '../../simulator/start-simulator.js';
import { VerifierError } from '../errors/verifier-error.js';
import { createStateContext } from '../provider-states/state-context.js';
import type { LocalInteraction } from './pact-sources.js';
import { runVerifierJob } from './run-verifier-job.js';
import { startStateChangeServer } from './state-change-server.js';
import { readVerificationReport, type InteractionOutcome } from './verification-report.js';
import type { BrokerJob } from './verifier-job.js';

export interface VerifyProviderOptions {
  /** The provider to verify; none starts an embedded simulator (pace instant). */
  readonly providerBaseUrl?: string;
  /** Pact files, folders and URLs, checked beforehand (resolvePactSources). */
  readonly pactUrls: readonly string[];
  readonly localInteractions?: readonly LocalInteraction[];
  /** `x-auth-token` for state set-ups and for every interaction that sends one. */
  readonly token?: string;
  /** Tenant of states that name none. */
  readonly tenant?: string;
  readonly broker?: BrokerJob;
  /** Time-out of each request and state change. Default 60 s. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface VerificationSummary {
  readonly provider: {
    readonly url: string;
    readonly kind: 'embedded simulator' | 'simulator' | 'provider';
  };
  readonly interactions: readonly InteractionOutcome[];
  readonly passed: number;
  /** Failures of pending pacts are listed but not counted. */
  readonly failed: number;
  readonly notVerifiable: number;
  readonly durationMs: number;
  /** What Pact's core printed, for whoever wants its own report. */
  readonly verifierOutput: string;
}

/**
 * Verifies a provider against pacts: serves the state changes on 127.0.0.1, runs the Pact
 * Verifier and reads its report. Without a base URL an embedded simulator is the provider.
 */
export async function verifyProvider(options: VerifyProviderOptions): Promise<VerificationSummary> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 60_000;

  // Step 1: the provider, and whether it has a control API for the states that need one.
  const simulator: RunningSimulator | null =
    options.providerBaseUrl === undefined ? await startSimulator({ pace: 'instant' }) : null;
  const url = simulator?.url ?? options.providerBaseUrl ?? '';
  try {
    const client = new ImportApiClient({
      baseUrl: url,
      ...(options.token === undefined ? {} : { token: options.token }),
    });
    await assertAnswers(client);
    const control = await probeControlApi(url);

    // Step 2: the state changes, served while the verifier runs in its own process.
    const stateContext = createStateContext({
      client,
      control,
      ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
      timeoutMs: timeoutMs - 5_000,
    });
    const states = await startStateChangeServer(stateContext);
    let run;
    try {
      run = await runVerifierJob(
        {
          providerBaseUrl: url,
          stateChangeUrl: states.url,
          pactUrls: options.pactUrls,
          timeoutMs,
          ...(options.token === undefined ? {} : { token: options.token }),
          ...(options.broker === undefined ? {} : { broker: options.broker }),
        },
        options.signal,
      );
    } finally {
      await states.close();
    }

    // Step 3: one outcome per interaction.
    if (run.result.kind === 'error') {
      throw new VerifierError(
        `The Pact Verifier could not run: ${run.result.message}${tail(run.output)}`,
      );
    }
    const report = readVerificationReport(
      run.result.json,
      states.records,
      options.localInteractions ?? [],
    );
    // Nothing verified and only failures: the pacts could not be had (a URL, a broker).
    if (report.interactions.length === 0 && report.failures.length > 0) {
      throw new VerifierError(`No interaction could be verified: ${report.failures.join('; ')}`);
    }
    const interactions = [...report.interactions, ...report.failures.map(failedOutsideInteraction)];
    const count = (outcome: InteractionOutcome['outcome']): number =>
      interactions.filter((item) => item.outcome === outcome && !item.pending).length;
    return {
      provider: {
        url,
        kind:
          simulator !== null ? 'embedded simulator' : control !== null ? 'simulator' : 'provider',
      },
      interactions,
      passed: count('passed'),
      failed: count('failed'),
      notVerifiable: count('not-verifiable'),
      durationMs: Date.now() - started,
      verifierOutput: run.output,
    };
  } finally {
    await simulator?.close();
  }
}

function failedOutsideInteraction(failure: string): InteractionOutcome {
  return {
    consumer: null,
    description: failure,
    outcome: 'failed',
    pending: false,
    duration: null,
    reason: null,
    mismatches: [],
  };
}

/** A provider that does not answer at all is a usage problem: one line, exit 2. */
async function assertAnswers(client: ImportApiClient): Promise<void> {
  try {
    await client.status('DIM-0');
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    throw new TargetError(
      `Could not reach the provider at ${client.baseUrl}: ${networkReason(error)}. ` +
        'Check --provider-base-url.',
      { cause: error },
    );
  }
}

/** `ECONNREFUSED` and the like: fetch keeps the system error two causes down. */
function networkReason(error: TargetError): string {
  const fetchError = error.cause as { cause?: { code?: unknown; message?: unknown } } | undefined;
  const code = fetchError?.cause?.code;
  if (typeof code === 'string') return code;
  return error.message.replace(/\.$/, '');
}

/** The control API when `GET /__simulator/config` answers with a pace; otherwise none. */
async function probeControlApi(url: string): Promise<ControlClient | null> {
  const control = new ControlClient({ baseUrl: url, timeoutMs: 10_000 });
  const answer = await control.readConfig();
  return answer.status === 200 && answer.data?.pace !== undefined ? control : null;
}

function tail(output: string): string {
  const lines = output.trim().split('\n').slice(-8);
  return lines.length === 0 || lines[0] === '' ? '' : `\n${lines.join('\n')}`;
}
