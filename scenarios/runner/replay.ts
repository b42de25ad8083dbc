import { loadScenario, type LoadedScenario } from '../format/load-scenario.js';
import { findScenarioFiles } from './find-scenario-files.js';
import { ALL_TRANSITIONS } from './infer-transitions.js';
import { runScenario } from './run-scenario.js';
import { scenarioTarget, type RunTarget } from './run-target.js';
import type { ScenarioResult } from './scenario-result.js';

export interface ReplaySummary {
  readonly target: { readonly kind: RunTarget['kind']; readonly url: string };
  readonly scenarios: readonly ScenarioResult[];
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Transition ids exercised by at least one scenario, in T-order. */
  readonly exercised: readonly string[];
  /** Transition ids no scenario exercised. */
  readonly neverExercised: readonly string[];
  readonly durationMs: number;
}

/**
 * Loads every scenario first (so a malformed file stops the run before anything is sent).
 */
export function loadScenarios(paths: readonly string[]): LoadedScenario[] {
  return findScenarioFiles(paths).map((file) => loadScenario(file));
}

/**
 * Runs the scenarios one after the other against the target. Against a simulator each one
 * starts from a reset; against a provider each finds what earlier scenarios and earlier runs
 * left behind, and only its own `{run}` keeps its keys and batches apart from theirs.
 */
export async function replay(
  scenarios: readonly LoadedScenario[],
  target: RunTarget,
  onResult: (result: ScenarioResult) => void = () => undefined,
): Promise<ReplaySummary> {
  const started = Date.now();
  const results: ScenarioResult[] = [];
  for (const [index, scenario] of scenarios.entries()) {
    // Each scenario gets its own `{run}`, so its keys and batches meet no other scenario's.
    const result = await runScenario(scenario, scenarioTarget(target, index));
    results.push(result);
    onResult(result);
  }
  const exercised = new Set(results.flatMap((result) => result.transitions));
  const count = (outcome: ScenarioResult['outcome']): number =>
    results.filter((result) => result.outcome === outcome).length;
  return {
    target: { kind: target.kind, url: target.url },
    scenarios: results,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    exercised: ALL_TRANSITIONS.filter((id) => exercised.has(id)),
    neverExercised: ALL_TRANSITIONS.filter((id) => !exercised.has(id)),
    durationMs: Date.now() - started,
  };
}
