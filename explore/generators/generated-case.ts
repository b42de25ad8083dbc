/** What building a case takes, and what it gives: the plan, its scenario, and notes. */
import type { Scenario } from '../../scenarios/format/scenario-schema.js';
import type { CasePlan } from './case-plan.js';
import type { StepNote } from './step-log.js';

export interface BuildOptions {
  /** Whether the case may use the control API (faults, options, `created`). */
  readonly control: boolean;
  /** Appended to entity keys, e.g. `-{run}` for a provider. */
  readonly keySuffix: string;
}

/** A generated case: its plan, the scenario built from it, and a note per step. */
export interface GeneratedCase {
  readonly plan: CasePlan;
  readonly scenario: Scenario;
  readonly notes: readonly StepNote[];
  /**
   * For each upload the case sends, given files first, the transitions its process goes
   * through by the end; null when the upload creates no process or the order of a race
   * decides them.
   */
  readonly histories: ReadonlyArray<readonly string[] | null>;
}
