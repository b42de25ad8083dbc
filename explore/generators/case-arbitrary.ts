/**
 * Whole generated cases: a tenant, fault rules, and a client's steps, built into an ordinary
 * scenario whose expectations are the oracle's predictions. `scenarioArbitrary` gives only
 * the scenario, for property tests of your own.
 */
import fc from 'fast-check';
import type { Scenario } from '../../scenarios/format/scenario-schema.js';
import { buildCase, type GeneratedCase } from './build-case.js';
import type { CasePlan } from './case-plan.js';
import { clientStepsArbitrary } from './client-step-arbitrary.js';
import { faultRulesArbitrary } from './fault-rule-arbitrary.js';
import { givenArbitrary } from './given-arbitrary.js';

export interface CaseOptions {
  /**
   * Whether cases may use the simulator's control API: fault rules, semantics options and
   * `created` steps. Default true; false for a real provider.
   */
  readonly control?: boolean;
  /** Most client steps per case, the first upload included. Default 8. */
  readonly maxSteps?: number;
  /**
   * Whether cases may enter the territory of known findings: defects the reference leaves
   * open to reading, and rollback discards (which can orphan another import's entities).
   * Default false.
   */
  readonly disputed?: boolean;
  /** Appended to entity keys; `-{run}` keeps reruns against a provider apart. Default ''. */
  readonly keySuffix?: string;
}

export const DEFAULT_CASE_OPTIONS = { control: true, maxSteps: 8, disputed: false, keySuffix: '' };

export function casePlanArbitrary(options: CaseOptions = {}): fc.Arbitrary<CasePlan> {
  const control = options.control ?? DEFAULT_CASE_OPTIONS.control;
  const maxSteps = options.maxSteps ?? DEFAULT_CASE_OPTIONS.maxSteps;
  const disputed = options.disputed ?? DEFAULT_CASE_OPTIONS.disputed;
  const fileOptions = { disputed };
  return fc.record({
    semantics: control
      ? fc.record({
          sameFileReferences: fc.oneof(
            { withCrossShrink: true },
            { weight: 4, arbitrary: fc.constant(false) },
            { weight: 1, arbitrary: fc.constant(true) },
          ),
          // A rollback may remove a person another import's account refers to (a finding).
          discardFromFailed: disputed
            ? fc.oneof(
                { withCrossShrink: true },
                { weight: 4, arbitrary: fc.constant('keep-created' as const) },
                { weight: 1, arbitrary: fc.constant('rollback' as const) },
              )
            : fc.constant('keep-created' as const),
        })
      : fc.constant({ sameFileReferences: false, discardFromFailed: 'keep-created' as const }),
    given: givenArbitrary(),
    faults: control ? faultRulesArbitrary() : fc.constant([]),
    steps: clientStepsArbitrary(maxSteps, fileOptions),
  });
}

/** Generated cases with their plan and a note per step; they shrink through their plan. */
export function caseArbitrary(options: CaseOptions = {}): fc.Arbitrary<GeneratedCase> {
  const build = {
    control: options.control ?? DEFAULT_CASE_OPTIONS.control,
    keySuffix: options.keySuffix ?? DEFAULT_CASE_OPTIONS.keySuffix,
  };
  return casePlanArbitrary(options).map((plan) => buildCase(plan, build));
}

/** Generated scenarios, the same type as scenario files, with the oracle's expectations. */
export function scenarioArbitrary(options: CaseOptions = {}): fc.Arbitrary<Scenario> {
  return caseArbitrary(options).map((generated) => generated.scenario);
}
