import fc from 'fast-check';
import type { FaultPlan } from './case-plan.js';

/**
 * A fault rule of the simulator (section 10): refuse the first N sends, or every send, of
 * entities matching a type and/or a key.
 */
export function faultRuleArbitrary(): fc.Arbitrary<FaultPlan> {
  return fc.record({
    type: fc.oneof(
      { withCrossShrink: true },
      fc.constant(null),
      fc.constantFrom(
        'PERSON.PERSON' as const,
        'ACCOUNT.ACCOUNT' as const,
        'ACCOUNT.ACCOUNT_TRANSACTION' as const,
        'LOAN.CONTRACT' as const,
      ),
    ),
    key: fc.oneof(
      { withCrossShrink: true },
      { weight: 3, arbitrary: fc.nat(1) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    refuse: fc.oneof(
      { withCrossShrink: true },
      fc.record({ first: fc.integer({ min: 1, max: 2 }) }),
      fc.constant('every' as const),
    ),
  });
}

/** No rule half of the time, else one or two. */
export function faultRulesArbitrary(): fc.Arbitrary<FaultPlan[]> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant<FaultPlan[]>([]) },
    { weight: 1, arbitrary: fc.array(faultRuleArbitrary(), { minLength: 1, maxLength: 2 }) },
  );
}
