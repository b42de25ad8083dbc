import fc from 'fast-check';
import { accountArbitrary } from './account-arbitrary.js';
import type { EntityPlan, FilePlan, KeyChoice, ReferenceChoice } from './case-plan.js';
import { contractArbitrary } from './contract-arbitrary.js';
import type { EntityType } from './entity-defect.js';
import { entityDefectArbitrary } from './entity-defects.js';
import { personArbitrary } from './person-arbitrary.js';
import { technicalDefectArbitrary } from './technical-defects.js';
import { transactionArbitrary } from './transaction-arbitrary.js';

export interface FilePlanOptions {
  /** Most entities in one file. Default 4. */
  readonly maxEntities?: number;
  /** Whether defects the reference leaves open to reading are generated. Default false. */
  readonly disputed?: boolean;
}

const BODIES: Readonly<Record<EntityType, () => fc.Arbitrary<Record<string, unknown>>>> = {
  'PERSON.PERSON': () => personArbitrary(),
  'ACCOUNT.ACCOUNT': () => accountArbitrary(),
  'ACCOUNT.ACCOUNT_TRANSACTION': () => transactionArbitrary(),
  'LOAN.CONTRACT': () => contractArbitrary(),
};

/** A new key mostly; now and then one already used in the case (V-6, V-10). */
export function keyChoiceArbitrary(): fc.Arbitrary<KeyChoice> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 10, arbitrary: fc.constant({ kind: 'new' as const }) },
    { weight: 1, arbitrary: fc.nat(5).map((index) => ({ kind: 'reuse' as const, index })) },
  );
}

/** An entity the tenant holds, one of an earlier file, of the same file, or none (V-7…V-9). */
export function referenceChoiceArbitrary(): fc.Arbitrary<ReferenceChoice> {
  const choice = (kind: ReferenceChoice['kind']): fc.Arbitrary<ReferenceChoice> =>
    fc.nat(5).map((index) => ({ kind, index }));
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 16, arbitrary: choice('existing') },
    { weight: 2, arbitrary: choice('earlier') },
    { weight: 1, arbitrary: choice('same-file') },
    { weight: 1, arbitrary: choice('unknown') },
  );
}

/** One entity of a file: valid, or broken by one defect now and then. */
export function entityPlanArbitrary(
  type: EntityType,
  options: FilePlanOptions = {},
): fc.Arbitrary<EntityPlan> {
  return fc.record({
    type: fc.constant(type),
    body: BODIES[type](),
    key: keyChoiceArbitrary(),
    reference: referenceChoiceArbitrary(),
    defect: fc.oneof(
      { withCrossShrink: true },
      { weight: 10, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: entityDefectArbitrary(type, options).map((defect) => defect.id) },
    ),
  });
}

/** An import file plan of one to a few entities of all four types. */
export function filePlanArbitrary(options: FilePlanOptions = {}): fc.Arbitrary<FilePlan> {
  const entity = fc.oneof(
    { weight: 3, arbitrary: entityPlanArbitrary('PERSON.PERSON', options) },
    { weight: 3, arbitrary: entityPlanArbitrary('ACCOUNT.ACCOUNT', options) },
    { weight: 2, arbitrary: entityPlanArbitrary('ACCOUNT.ACCOUNT_TRANSACTION', options) },
    { weight: 2, arbitrary: entityPlanArbitrary('LOAN.CONTRACT', options) },
  );
  return fc.record({
    entities: fc.array(entity, { minLength: 1, maxLength: options.maxEntities ?? 4 }),
    shape: fc.oneof(
      { withCrossShrink: true },
      { weight: 5, arbitrary: fc.constant('collections' as const) },
      { weight: 1, arbitrary: fc.constant('bare-array' as const) },
    ),
    via: fc.oneof(
      { withCrossShrink: true },
      { weight: 4, arbitrary: fc.constant('multipart' as const) },
      { weight: 1, arbitrary: fc.constant('json' as const) },
    ),
    technical: fc.oneof(
      { withCrossShrink: true },
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: technicalDefectArbitrary().map((defect) => defect.id) },
    ),
  });
}
