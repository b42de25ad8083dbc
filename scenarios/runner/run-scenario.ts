import { isHarnessError } from '../../errors/harness-error.js';
import type { LoadedScenario } from '../format/load-scenario.js';
import type { ScenarioStep } from '../format/scenario-schema.js';
import { inferTransitions } from './infer-transitions.js';
import { suffixKeysInScenario } from './key-suffix.js';
import { scenarioNeedsSimulator, stepNeedsSimulator } from './needs-simulator.js';
import { contentBytes, withRunIdDeep } from './resolve-content.js';
import type { RunTarget } from './run-target.js';
import type { ScenarioResult, StepFailure, StepResult } from './scenario-result.js';
import { runAction, runRace } from './steps/action-step.js';
import { runCheck } from './steps/check-step.js';
import {
  runAdvance,
  runAuthorise,
  runCreated,
  runRequest,
  runStatus,
} from './steps/other-steps.js';
import type { StepContext, StepReport } from './steps/step-context.js';
import { runUpload } from './steps/upload-step.js';
import { runWait } from './steps/wait-step.js';

const DEFAULT_TENANT = 'harness';

/**
 * Runs one scenario against a target and reports every step. The first failing step stops
 * the scenario: the steps after it are reported as skipped, since they build on it.
 */
export async function runScenario(
  file: LoadedScenario,
  target: RunTarget,
): Promise<ScenarioResult> {
  const started = Date.now();
  // The key suffix goes on the keys the scenario names, then `{run}` is replaced everywhere in
  // it (the suffix included); files get both as they are read. `replay` gives each scenario
  // of a run its own id.
  const suffixed = suffixKeysInScenario(file.scenario);
  const loaded = { ...file, scenario: withRunIdDeep(suffixed, target.runId) };
  const { scenario } = loaded;
  const base = { id: loaded.id, file: loaded.file, name: scenario.name };
  const finish = (
    rest: Omit<ScenarioResult, 'id' | 'file' | 'name' | 'durationMs'>,
  ): ScenarioResult => ({
    ...base,
    ...rest,
    durationMs: Date.now() - started,
  });

  // Step 1: a scenario that needs the control API is skipped against a provider, with why.
  const needs = scenarioNeedsSimulator(scenario);
  if (needs !== null && target.control === null) {
    return finish({
      outcome: 'skipped',
      reason: `needs simulator: ${needs}`,
      steps: [],
      transitions: [],
    });
  }

  const context: StepContext = {
    target,
    loaded,
    tenant: scenario.tenant ?? DEFAULT_TENANT,
    processes: new Map(),
    observed: new Map(),
    uploads: 0,
  };

  // Step 2: a clean simulator in the scenario's configuration, then the given entities.
  try {
    await prepareSimulator(context);
    await importGiven(context);
  } catch (error) {
    return finish({
      outcome: 'failed',
      reason: `set-up failed: ${describe(error)}`,
      failure: failureOf(error),
      steps: [],
      transitions: [],
    });
  }

  // Step 3: the steps, in order.
  const steps: StepResult[] = [];
  let stopped = false;
  for (const [index, step] of scenario.steps.entries()) {
    const kind = Object.keys(step)[0] ?? 'step';
    if (stopped) {
      steps.push({
        index,
        kind,
        label: kind,
        outcome: 'skipped',
        reason: 'an earlier step failed',
      });
      continue;
    }
    const needsControl = stepNeedsSimulator(step);
    if (needsControl !== null && target.control === null) {
      steps.push({
        index,
        kind,
        label: kind,
        outcome: 'skipped',
        reason: `needs simulator: ${needsControl}`,
      });
      continue;
    }
    const result = await runStep(context, index, kind, step, scenario.rules ?? []);
    steps.push(result);
    stopped = result.outcome === 'failed';
  }

  // Step 4: which transitions the scenario's processes went through.
  const transitions = await coverage(context);
  const failed = steps.some((step) => step.outcome === 'failed');
  return finish({ outcome: failed ? 'failed' : 'passed', steps, transitions });
}

async function runStep(
  context: StepContext,
  index: number,
  kind: string,
  step: ScenarioStep,
  scenarioRules: readonly string[],
): Promise<StepResult> {
  let report: StepReport;
  try {
    report = await dispatch(context, step);
  } catch (error) {
    return {
      index,
      kind,
      label: kind,
      outcome: 'failed',
      failure: failureOf(error, scenarioRules),
    };
  }
  if (report.mismatches.length === 0 && report.message === undefined) {
    return { index, kind, label: report.label, outcome: 'passed' };
  }
  const failure: StepFailure = {
    message: report.message ?? 'the answer differs from the expectation',
    mismatches: report.mismatches,
    request: report.response?.request ?? null,
    response:
      report.response === undefined
        ? null
        : { status: report.response.status, body: report.response.body },
    rules: [...new Set([...report.rules, ...scenarioRules])],
  };
  return { index, kind, label: report.label, outcome: 'failed', failure };
}

function dispatch(context: StepContext, step: ScenarioStep): Promise<StepReport> {
  if ('upload' in step) return runUpload(context, step.upload);
  if ('wait' in step) return runWait(context, step.wait);
  if ('check' in step) return runCheck(context, step.check);
  if ('discard' in step) return runAction(context, 'discard', step.discard);
  if ('discard-rejected-entities' in step) {
    return runAction(context, 'discard-rejected-entities', step['discard-rejected-entities']);
  }
  if ('discard-failed-entities' in step) {
    return runAction(context, 'discard-failed-entities', step['discard-failed-entities']);
  }
  if ('retry' in step) return runAction(context, 'retry', step.retry);
  if ('race' in step) return runRace(context, step.race);
  if ('status' in step) return runStatus(context, step.status);
  if ('created' in step) return runCreated(context, step.created);
  if ('advance' in step) return runAdvance(context, step.advance);
  if ('authorise' in step) return runAuthorise(context, step.authorise);
  return runRequest(context, step.request);
}

async function prepareSimulator(context: StepContext): Promise<void> {
  const control = context.target.control;
  if (control === null) return;
  const { scenario } = context.loaded;
  await expectOk(control.reset(), 'reset the simulator');
  await expectOk(
    control.configure({
      pace: 'instant',
      discardFromFailed: 'keep-created',
      sameFileReferences: false,
      uniqueSourceRef: true,
      ...scenario.simulator,
    }),
    'configure the simulator',
  );
  for (const rule of scenario.faults ?? []) {
    await expectOk(control.addFault(rule), 'add a fault rule');
  }
}

/** Imports each `given` file and waits for it to be DONE, as a client would. */
async function importGiven(context: StepContext): Promise<void> {
  const { target, loaded } = context;
  const { keySuffix } = loaded.scenario;
  for (const [index, content] of (loaded.scenario.given ?? []).entries()) {
    const upload = await target.client.upload({
      tenant: context.tenant,
      sourceName: 'import-harness-given',
      sourceRef: `${loaded.id}-given-${index}-${target.runId}`,
      parts: [{ content: contentBytes(content, loaded.dir, target.runId, keySuffix) }],
    });
    const id = (upload.data as { importProcessId?: unknown } | null)?.importProcessId;
    if (upload.status !== 202 || typeof id !== 'string') {
      throw new SetupError(
        `given[${index}] upload answered ${upload.status} ${upload.errors.join(' ')}`,
      );
    }
    const waited = await runWait(
      { ...context, observed: new Map(), processes: new Map() },
      {
        process: id,
        for: 'DONE',
        timeout: 30_000,
      },
    );
    if (waited.mismatches.length > 0) {
      const actual = waited.mismatches[0]?.actual;
      throw new SetupError(`given[${index}] ended in ${String(actual)}, not DONE; fix the file`);
    }
  }
}

async function coverage(context: StepContext): Promise<string[]> {
  const found = new Set<string>();
  const control = context.target.control;
  for (const [id, statuses] of context.observed) {
    if (control === null) {
      for (const transition of inferTransitions(statuses)) found.add(transition);
      continue;
    }
    const inspection = await control.inspect(id);
    for (const entry of inspection.data?.history ?? []) found.add(entry.transition);
  }
  return [...found];
}

async function expectOk(
  pending: Promise<{ status: number; errors: readonly string[] }>,
  what: string,
): Promise<void> {
  const response = await pending;
  if (response.status >= 300) {
    throw new SetupError(`could not ${what}: ${response.status} ${response.errors.join(' ')}`);
  }
}

class SetupError extends Error {}

function failureOf(error: unknown, rules: readonly string[] = []): StepFailure {
  return { message: describe(error), mismatches: [], request: null, response: null, rules };
}

function describe(error: unknown): string {
  if (isHarnessError(error) || error instanceof SetupError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
