/**
 * What a client does, as step plans: uploads, status reads, the four actions (allowed or not
 * in the current status), re-posts with the same x-request-id, and races of actions on one
 * process. Processes and earlier steps are named by index, resolved when the case is built.
 */
import fc from 'fast-check';
import type { ActionName } from '../../client/import-api-client.js';
import type { ActionChoice, StepPlan } from './case-plan.js';
import { filePlanArbitrary, type FilePlanOptions } from './file-plan-arbitrary.js';

const ACTIONS: readonly ActionName[] = [
  'discard',
  'discard-rejected-entities',
  'discard-failed-entities',
  'retry',
];

/** Mostly an action the status allows; sometimes any action, refused if not allowed (D-1). */
export function actionChoiceArbitrary(): fc.Arbitrary<ActionChoice> {
  return fc.record({
    action: fc.oneof(
      { withCrossShrink: true },
      { weight: 4, arbitrary: fc.constant('allowed' as const) },
      { weight: 1, arbitrary: fc.constantFrom(...ACTIONS) },
    ),
    pick: fc.nat(3),
  });
}

export function uploadStepArbitrary(options: FilePlanOptions = {}): fc.Arbitrary<StepPlan> {
  return fc.record({
    kind: fc.constant('upload' as const),
    file: filePlanArbitrary(options),
    sameBatchAs: fc.oneof(
      { withCrossShrink: true },
      { weight: 6, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.nat(3) },
    ),
    requestId: fc.oneof(
      { withCrossShrink: true },
      { weight: 4, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    flaw: fc.oneof(
      { withCrossShrink: true },
      { weight: 16, arbitrary: fc.constant('none' as const) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'no-token' as const,
          'no-tenant' as const,
          'no-source-ref' as const,
          'other-tenant' as const,
        ),
      },
    ),
  });
}

export function clientStepArbitrary(options: FilePlanOptions = {}): fc.Arbitrary<StepPlan> {
  const process = fc.nat(3);
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record({
        kind: fc.constant('act' as const),
        process,
        choice: actionChoiceArbitrary(),
        requestId: fc.oneof(
          { withCrossShrink: true },
          { weight: 4, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
        as: fc.oneof(
          { withCrossShrink: true },
          { weight: 12, arbitrary: fc.constant('owner' as const) },
          { weight: 1, arbitrary: fc.constant('other-tenant' as const) },
        ),
      }),
    },
    { weight: 6, arbitrary: uploadStepArbitrary(options) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('race' as const),
        process,
        choices: fc.array(actionChoiceArbitrary(), { minLength: 2, maxLength: 3 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('repost-act' as const), of: fc.nat(3) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('repost-upload' as const), of: fc.nat(3) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('read' as const),
        process,
        as: fc.constantFrom('owner' as const, 'other-tenant' as const, 'no-token' as const),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'read-unknown' as const }) },
  );
}

/**
 * Up to `maxSteps` steps, the first an upload. fast-check shrinks an array toward its last
 * items, so the steps are drawn in reverse: shrinking then drops the latest steps first and
 * keeps the first upload.
 */
export function clientStepsArbitrary(
  maxSteps: number,
  options: FilePlanOptions = {},
): fc.Arbitrary<StepPlan[]> {
  // Uploads are drawn more often than their share, so that fewer drawn cases are thrown away.
  const step = fc.oneof(
    { weight: 1, arbitrary: uploadStepArbitrary(options) },
    { weight: 2, arbitrary: clientStepArbitrary(options) },
  );
  return fc
    .array(step, { minLength: 1, maxLength: Math.max(1, maxSteps) })
    .filter((steps) => steps.at(-1)?.kind === 'upload')
    .map((steps) => [...steps].reverse());
}
