/**
 * The status check a generated case makes after each change: a read expecting every field all
 * possible worlds agree on, and the rules that expectation rests on.
 */
import type { ScenarioStep } from '../../scenarios/format/scenario-schema.js';
import type { AgreedView } from '../oracle/possible-worlds.js';
import { expectedError } from './scenario-parts.js';

export interface StatusCheck {
  /**
   * What the status rests on: the transitions since the last check, the rules of the
   * validation errors, and the counters once there is a dispatch.
   */
  readonly rules: readonly string[];
  /** The check of everything every possible world agrees on. */
  readonly step: ScenarioStep;
}

export function statusCheck(
  process: string,
  view: AgreedView,
  transitions: readonly string[],
  problemRules: readonly string[],
): StatusCheck {
  const rules = ['H-2', ...transitions, ...problemRules, ...(view.dispatch ? COUNTERS : [])];
  const check = {
    process,
    ...(view.status === undefined ? {} : { status: view.status }),
    ...(view.validation === undefined ? {} : { validation: view.validation }),
    ...(view.dispatch === undefined ? {} : { dispatch: view.dispatch }),
    ...(view.errors === undefined ? {} : { errors: view.errors.map(expectedError) }),
  };
  return { rules, step: { check } };
}

const COUNTERS = ['C-1', 'C-2', 'C-3', 'C-4'];
