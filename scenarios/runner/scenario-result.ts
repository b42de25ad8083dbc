import type { SentRequest } from '../../client/api-response.js';

/** One value that differs from what the scenario expected. */
export interface Mismatch {
  /** Where, e.g. `data.statusCode` or `validationStatus[PERSON.PERSON].entryCount`. */
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** Why a step failed, with what is needed to see it happen again. */
export interface StepFailure {
  readonly message: string;
  readonly mismatches: readonly Mismatch[];
  readonly request: SentRequest | null;
  readonly response: { readonly status: number; readonly body: unknown } | null;
  /** Rule ids of the reference the failed expectation rests on. */
  readonly rules: readonly string[];
}

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface StepResult {
  readonly index: number;
  readonly kind: string;
  /** A short description, e.g. `discard-rejected-entities p1 → 200 PARTIALLY_APPROVED`. */
  readonly label: string;
  readonly outcome: Outcome;
  readonly failure?: StepFailure;
  /** Why the step was skipped. */
  readonly reason?: string;
}

export interface ScenarioResult {
  readonly id: string;
  readonly file: string;
  readonly name: string;
  readonly outcome: Outcome;
  readonly steps: readonly StepResult[];
  /** Why the whole scenario was skipped, or failed before its steps. */
  readonly reason?: string;
  readonly failure?: StepFailure;
  /** Transition ids seen in this scenario's processes. */
  readonly transitions: readonly string[];
  readonly durationMs: number;
}
