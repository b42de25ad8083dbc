/** The steps of a generated case as they are built, each with a note for failure reports. */
import type { ScenarioStep } from '../../scenarios/format/scenario-schema.js';

/** What the expectation of one scenario step rests on, for failure reports. */
export interface StepNote {
  readonly rules: readonly string[];
  readonly about: string;
}

export class StepLog {
  readonly steps: ScenarioStep[] = [];
  readonly notes: StepNote[] = [];

  /** Adds a step with the rules it rests on, each once, and what it is about. */
  push(step: ScenarioStep, rules: readonly string[], about: string): void {
    this.steps.push(step);
    this.notes.push({ rules: [...new Set(rules)], about });
  }
}
