/**
 * Runs one generated case against a target and judges it twice: by the oracle's expectations
 * written into the scenario, and by the invariants over everything the client saw.
 */
import type { SentRequest } from '../../client/api-response.js';
import type { ControlClient } from '../../client/control-client.js';
import { TargetError } from '../../errors/target-error.js';
import type { LoadedScenario } from '../../scenarios/format/load-scenario.js';
import { withRunId } from '../../scenarios/runner/resolve-content.js';
import { runScenario } from '../../scenarios/runner/run-scenario.js';
import type { Mismatch, ScenarioResult } from '../../scenarios/runner/scenario-result.js';
import type { GeneratedCase, StepNote } from '../generators/build-case.js';
import { CASE_TENANT, FIXTURES_DIR } from '../generators/build-case.js';
import { checkInvariants, type InvariantViolation } from '../oracle/invariants/check-invariants.js';
import { ruleOfError } from '../oracle/rule-of-error.js';
import { caseTarget, type ExploreTarget } from './explore-target.js';
import type { Exchange } from './recording-client.js';

export interface ExchangeRecord {
  readonly request: SentRequest;
  readonly response: { readonly status: number; readonly body: unknown };
}

/**
 * Why a case failed: a disagreement with the oracle on a step, a broken invariant, a set-up
 * the oracle did not expect to fail, or a transition history (control API) other than the
 * oracle's — the one kind no scenario step can state, so replay cannot show it.
 */
export interface CaseFailure {
  readonly kind: 'disagreement' | 'invariant' | 'set-up' | 'history';
  /** The rule ids or invariant names broken. */
  readonly rules: readonly string[];
  readonly message: string;
  /** The scenario step that failed (1-based), with its label. */
  readonly step: { readonly number: number; readonly label: string } | null;
  readonly mismatches: readonly Mismatch[];
  /** The request and answer that disagreed, and for an invariant the earlier one. */
  readonly exchange: ExchangeRecord | null;
  readonly earlier: ExchangeRecord | null;
}

export interface CaseOutcome {
  readonly failure: CaseFailure | null;
  /** Processes the provider accepted (uploads answered 202, given files included). */
  readonly processes: number;
}

export async function runCase(
  generated: GeneratedCase,
  target: ExploreTarget,
  runId = 'run',
  id = 'explored-case',
): Promise<CaseOutcome> {
  // Step 1: the scenario, as replay would run it, through a recording client.
  const run = caseTarget(target, runId);
  const loaded: LoadedScenario = {
    id,
    file: `${id}.yaml`,
    dir: FIXTURES_DIR,
    scenario: generated.scenario,
  };
  const result = await runScenario(loaded, run);
  assertReached(result);

  // Step 2: the invariants, over every exchange and the tenant's entities.
  const created =
    run.control === null
      ? null
      : ((await run.control.created(withRunId(CASE_TENANT, run.runId))).data?.entities ?? []);
  const violations = checkInvariants(run.client.exchanges, created);
  const processes = run.client.exchanges.filter(
    (exchange) => exchange.kind === 'upload' && exchange.response.status === 202,
  ).length;

  // Step 3: the first failure; a disagreement with the oracle comes before an invariant,
  // and the transitions each process went through (control API) come last.
  const failure =
    disagreement(result, generated.notes) ??
    invariantFailure(violations) ??
    (run.control === null
      ? null
      : await historyDisagreement(generated, run.client.exchanges, run.control));
  return { failure, processes };
}

/**
 * The transitions the simulator recorded for each process (its control API), against the
 * oracle's. Only a simulator can be asked; a mismatch is a disagreement no scenario step
 * states, so a written case may not reproduce it under replay.
 */
async function historyDisagreement(
  generated: GeneratedCase,
  exchanges: readonly Exchange[],
  control: ControlClient,
): Promise<CaseFailure | null> {
  const uploads = exchanges.filter((exchange) => exchange.kind === 'upload');
  for (const [index, expected] of generated.histories.entries()) {
    const id = uploads[index]?.response.data?.importProcessId;
    if (expected === null || id === undefined || uploads[index]?.response.status !== 202) continue;
    const inspection = await control.inspect(id);
    const actual = (inspection.data?.history ?? []).map((entry) => entry.transition);
    if (JSON.stringify(actual) === JSON.stringify(expected)) continue;
    const differing = [...expected, ...actual].filter(
      (transition) => !expected.includes(transition) || !actual.includes(transition),
    );
    return {
      kind: 'history',
      rules: [...new Set(differing.length > 0 ? differing : expected)],
      message: `${id} went through ${actual.join(', ')}; the oracle expects ${expected.join(', ')}`,
      step: null,
      mismatches: [{ path: `history of ${id}`, expected, actual }],
      exchange: {
        request: inspection.request,
        response: { status: inspection.status, body: inspection.body },
      },
      earlier: null,
    };
  }
  return null;
}

/** A target that stopped answering ends the exploration (exit 2); it is not a finding. */
function assertReached(result: ScenarioResult): void {
  const failures = [result.failure, ...result.steps.map((step) => step.failure)];
  const lost = failures.find((failure) => failure?.message.startsWith('Could not reach') === true);
  if (lost !== undefined) throw new TargetError(lost.message);
}

function disagreement(result: ScenarioResult, notes: readonly StepNote[]): CaseFailure | null {
  if (result.outcome !== 'failed') return null;
  const step = result.steps.find((candidate) => candidate.outcome === 'failed');
  const failure = step?.failure ?? result.failure;
  if (step === undefined || failure === undefined) {
    return {
      kind: 'set-up',
      rules: [],
      message: result.reason ?? failure?.message ?? 'the case failed before its steps',
      step: null,
      mismatches: [],
      exchange: null,
      earlier: null,
    };
  }
  const note = notes[step.index];
  return {
    kind: 'disagreement',
    rules: rulesBroken(note, failure.mismatches),
    message: failure.message,
    step: { number: step.index + 1, label: step.label },
    mismatches: failure.mismatches,
    exchange:
      failure.request === null || failure.response === null
        ? null
        : { request: failure.request, response: failure.response },
    earlier: null,
  };
}

/**
 * The rules a failed step breaks, most telling first: the rules of validation errors that
 * differ (a different status follows from them), else the transitions behind a status
 * (leaving out T-1, T-2, T-4 and T-5, which every readable upload takes), else the counters
 * of a dispatch row; else all the rules the step's expectation rests on.
 */
function rulesBroken(note: StepNote | undefined, mismatches: readonly Mismatch[]): string[] {
  const rules = note?.rules ?? [];
  const of = (prefix: string): string[] => rules.filter((rule) => rule.startsWith(prefix));
  const errors = new Set<string>();
  const status = new Set<string>();
  const dispatch = new Set<string>();
  for (const mismatch of mismatches) {
    if (mismatch.path.startsWith('validationErrors')) {
      for (const error of errorsOf(mismatch)) errors.add(ruleOfError(error.code, error.field));
    } else if (mismatch.path === 'statusCode' || mismatch.path === 'data.statusCode') {
      of('T-')
        .filter((rule) => !EVERY_UPLOAD.includes(rule))
        .forEach((rule) => status.add(rule));
    } else if (mismatch.path === 'dispatchStatus') {
      dispatch.add('T-8');
    } else if (mismatch.path.startsWith('dispatchStatus')) {
      of('C-').forEach((rule) => dispatch.add(rule));
    }
  }
  const telling = [errors, status, dispatch].find((found) => found.size > 0);
  return telling === undefined ? [...rules] : [...telling];
}

const EVERY_UPLOAD = ['T-1', 'T-2', 'T-4', 'T-5'];

/** The validation errors a mismatch names, expected or actual. */
function errorsOf(mismatch: Mismatch): Array<{ code: string; field: string | null }> {
  const values = [mismatch.expected, mismatch.actual].flatMap((value) =>
    Array.isArray(value) ? (value as unknown[]) : [value],
  );
  return values.flatMap((value) => {
    const error = value as { code?: unknown; field?: unknown } | null;
    if (typeof error?.code !== 'string') return [];
    return [{ code: error.code, field: typeof error.field === 'string' ? error.field : null }];
  });
}

function invariantFailure(violations: readonly InvariantViolation[]): CaseFailure | null {
  const violation = violations[0];
  if (violation === undefined) return null;
  return {
    kind: 'invariant',
    rules: [violation.rule],
    message: violation.message,
    step: null,
    mismatches: [],
    exchange: violation.exchange === null ? null : record(violation.exchange),
    earlier: violation.earlier === undefined ? null : record(violation.earlier),
  };
}

function record(exchange: Exchange): ExchangeRecord {
  return {
    request: exchange.response.request,
    response: { status: exchange.response.status, body: exchange.response.body },
  };
}
