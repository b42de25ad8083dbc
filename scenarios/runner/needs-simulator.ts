import type { Scenario, ScenarioStep } from '../format/scenario-schema.js';

/**
 * Why a scenario cannot run against a provider without the control API, or null when it
 * can. The runner decides this from the scenario's content; authors do not mark it.
 */
export function scenarioNeedsSimulator(scenario: Scenario): string | null {
  if (scenario.simulator !== undefined) return 'it sets simulator options (pace or semantics)';
  if ((scenario.faults ?? []).length > 0) return 'it injects fault rules';
  return null;
}

/** Why a step needs the control API, or null. */
export function stepNeedsSimulator(step: ScenarioStep): string | null {
  if ('created' in step) return 'listing the entities created in a tenant needs the control API';
  if ('advance' in step) return 'advancing a held process needs the control API';
  return null;
}
