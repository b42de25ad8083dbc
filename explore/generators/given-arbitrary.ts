import fc from 'fast-check';
import { accountArbitrary } from './account-arbitrary.js';
import type { GivenPlan } from './case-plan.js';
import { contractArbitrary } from './contract-arbitrary.js';
import { personArbitrary } from './person-arbitrary.js';
import { transactionArbitrary } from './transaction-arbitrary.js';

/**
 * A tenant prepared by earlier imports (`given`): valid persons, accounts and contracts of
 * them, transactions on those accounts. It shrinks toward an empty tenant.
 */
export function givenArbitrary(): fc.Arbitrary<GivenPlan> {
  const linked = <K extends string>(
    body: fc.Arbitrary<Record<string, unknown>>,
    link: K,
    maxLength: number,
    minLength = 0,
  ): fc.Arbitrary<Array<{ body: Record<string, unknown> } & Record<K, number>>> =>
    fc.array(
      fc
        .tuple(body, fc.nat(3))
        .map(
          ([value, index]) =>
            ({ body: value, [link]: index }) as { body: Record<string, unknown> } & Record<
              K,
              number
            >,
        ),
      { minLength, maxLength },
    );
  const empty: GivenPlan = { persons: [], accounts: [], transactions: [], contracts: [] };
  // Mostly a tenant with persons and accounts, so that references in later files can resolve.
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant(empty) },
    {
      weight: 4,
      arbitrary: fc.record({
        persons: fc.array(personArbitrary(), { minLength: 1, maxLength: 3 }),
        accounts: linked(accountArbitrary(), 'person', 3, 1),
        transactions: linked(transactionArbitrary(), 'account', 2),
        contracts: linked(contractArbitrary(), 'person', 2),
      }),
    },
  );
}
