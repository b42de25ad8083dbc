/**
 * A second shrinking pass over a failing plan. fast-check shrinks an array toward its last
 * items, so it cannot always drop an element in the middle; this pass tries removing each
 * step, fault, given entity and file entity in turn, and keeps every removal after which the
 * case still fails — until no single removal does.
 */
import type { CasePlan, GivenPlan, StepPlan } from './case-plan.js';

export interface MinimizeResult {
  readonly plan: CasePlan;
  /** Removals kept, and candidates tried. */
  readonly removals: number;
  readonly attempts: number;
}

export async function minimizePlan(
  plan: CasePlan,
  stillFails: (candidate: CasePlan) => boolean | Promise<boolean>,
  maxAttempts = 300,
): Promise<MinimizeResult> {
  let current = plan;
  let removals = 0;
  let attempts = 0;
  for (let changed = true; changed && attempts < maxAttempts;) {
    changed = false;
    for (const candidate of smallerPlans(current)) {
      if (attempts >= maxAttempts) break;
      attempts += 1;
      if (!(await stillFails(candidate))) continue;
      current = candidate;
      removals += 1;
      changed = true;
      break;
    }
  }
  return { plan: current, removals, attempts };
}

/** Every plan one element smaller than this one, the latest steps first. */
export function smallerPlans(plan: CasePlan): CasePlan[] {
  const candidates: CasePlan[] = [];
  const steps = plan.steps;

  // Step 1: whole steps; the first must stay an upload.
  for (let index = steps.length - 1; index >= 0; index--) {
    const rest = steps.filter((_, other) => other !== index);
    if (rest[0]?.kind === 'upload') candidates.push({ ...plan, steps: rest });
  }

  // Step 2: fault rules, then the tenant's given entities, dependants first.
  plan.faults.forEach((_, index) => {
    candidates.push({ ...plan, faults: plan.faults.filter((__, other) => other !== index) });
  });
  for (const name of ['transactions', 'contracts', 'accounts', 'persons'] as const) {
    const list = plan.given[name] as readonly unknown[];
    list.forEach((_, index) => {
      const given: GivenPlan = {
        ...plan.given,
        [name]: list.filter((__, other) => other !== index),
      };
      candidates.push({ ...plan, given });
    });
  }

  // Step 3: entities of each uploaded file, keeping at least one.
  steps.forEach((step, index) => {
    if (step.kind !== 'upload' || step.file.entities.length < 2) return;
    step.file.entities.forEach((_, entity) => {
      const entities = step.file.entities.filter((__, other) => other !== entity);
      const smaller: StepPlan = { ...step, file: { ...step.file, entities } };
      candidates.push({ ...plan, steps: steps.map((s, other) => (other === index ? smaller : s)) });
    });
  });
  return candidates;
}
