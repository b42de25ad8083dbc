/** Small pieces of a generated scenario: batch references, expectations, its name and rules. */
import type { Expectation } from '../../scenarios/format/scenario-schema.js';
import type { Answer } from '../oracle/oracle-world.js';
import type { CasePlan, StepPlan } from './case-plan.js';

/** The explicit batch reference of each upload that shares one with another, else null. */
export function sharedBatches(steps: readonly StepPlan[]): Array<string | null> {
  const uploads = steps.filter(
    (step): step is Extract<StepPlan, { kind: 'upload' }> => step.kind === 'upload',
  );
  const batches: Array<string | null> = uploads.map(() => null);
  uploads.forEach((upload, index) => {
    if (upload.sameBatchAs === null || index === 0) return;
    const target = upload.sameBatchAs % index;
    const batch = batches[target] ?? `batch-${target + 1}-{run}`;
    batches[target] = batch;
    batches[index] = batch;
  });
  return batches;
}

export function expectation(answer: Partial<Answer>): Expectation {
  return {
    ...(answer.http === undefined ? {} : { http: answer.http }),
    ...(answer.status === undefined ? {} : { status: answer.status }),
    ...(answer.errors === undefined ? {} : { errors: [...answer.errors] }),
  };
}

export function expectedError(error: { key: string; code: string; field: string | null }): {
  key: string;
  code: string;
  field: string | null;
} {
  return { key: error.key, code: error.code, field: error.field };
}

export function summary(plan: CasePlan): string {
  const count = (kind: StepPlan['kind']): number =>
    plan.steps.filter((step) => step.kind === kind).length;
  const parts = [
    `${count('upload')} upload(s)`,
    `${count('act') + count('repost-act')} action(s)`,
    ...(count('race') > 0 ? [`${count('race')} race(s)`] : []),
    ...(plan.faults.length > 0 ? [`${plan.faults.length} fault rule(s)`] : []),
  ];
  return parts.join(', ');
}

export function byRuleId(a: string, b: string): number {
  const [letterA, numberA] = [a.charAt(0), Number(a.slice(2))];
  const [letterB, numberB] = [b.charAt(0), Number(b.slice(2))];
  return letterA === letterB ? numberA - numberB : letterA.localeCompare(letterB);
}
