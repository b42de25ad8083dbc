import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountArbitrary } from '../../explore/generators/account-arbitrary.js';
import { buildCase } from '../../explore/generators/build-case.js';
import type {
  ActionChoice,
  CasePlan,
  EntityPlan,
  FaultPlan,
  StepPlan,
} from '../../explore/generators/case-plan.js';
import { contractArbitrary } from '../../explore/generators/contract-arbitrary.js';
import type { EntityType } from '../../explore/generators/entity-defect.js';
import { ENTITY_DEFECTS } from '../../explore/generators/entity-defects.js';
import { personArbitrary } from '../../explore/generators/person-arbitrary.js';
import { TECHNICAL_DEFECTS } from '../../explore/generators/technical-defects.js';
import { transactionArbitrary } from '../../explore/generators/transaction-arbitrary.js';
import { runCase } from '../../explore/runner/run-case.js';
import { startSimulator, type RunningSimulator } from '../../simulator/start-simulator.js';

/**
 * Sweeps over the HTTP simulator: every controlled defect, every technical-validation case
 * and every client action's path, one small case each, judged by the oracle, the invariants
 * and the transitions the simulator records. Random exploration reaches these too, but only
 * now and then within a CI budget.
 */
const BODIES: Readonly<Record<EntityType, Record<string, unknown>>> = {
  'PERSON.PERSON': sample(personArbitrary()),
  'ACCOUNT.ACCOUNT': sample(accountArbitrary()),
  'ACCOUNT.ACCOUNT_TRANSACTION': sample(transactionArbitrary()),
  'LOAN.CONTRACT': sample(contractArbitrary()),
};

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ pace: 'instant' });
});
afterAll(() => simulator.close());

async function failureOf(plan: CasePlan): Promise<unknown> {
  const generated = buildCase(plan, { control: true, keySuffix: '' });
  return (await runCase(generated, { kind: 'simulator', url: simulator.url })).failure;
}

describe('every controlled defect over HTTP', () => {
  for (const defect of ENTITY_DEFECTS.filter((candidate) => candidate.disputed === undefined)) {
    it(`${defect.id} is rejected as the oracle predicts (${defect.rule})`, async () => {
      const broken = entity(defect.type, defect.id);
      const plan = withSteps([upload([entity('PERSON.PERSON'), broken]), act('allowed')]);
      expect(await failureOf(plan)).toBeNull();
    });
  }

  for (const defect of TECHNICAL_DEFECTS) {
    it(`${defect.id} ends in ERROR as the oracle predicts (T-3)`, async () => {
      const plan = withSteps([upload([entity('PERSON.PERSON')], defect.id)]);
      expect(await failureOf(plan)).toBeNull();
    });
  }
});

describe('every action path over HTTP', () => {
  const valid = entity('PERSON.PERSON');
  const invalid = entity('PERSON.PERSON', 'person-no-primary-id');
  const refusedOnce: FaultPlan = { type: 'PERSON.PERSON', key: 1, refuse: { first: 1 } };
  const refusedAlways: FaultPlan = { type: 'PERSON.PERSON', key: 1, refuse: 'every' };
  const paths: ReadonlyArray<[string, CasePlan]> = [
    ['T-12: discard from REJECTED', withSteps([upload([valid, invalid]), act('discard')])],
    [
      'T-13: discard-rejected-entities sends the valid rest',
      withSteps([upload([valid, invalid]), act('discard-rejected-entities')]),
    ],
    [
      'T-13: discard-rejected-entities with nothing valid left',
      withSteps([upload([invalid]), act('discard-rejected-entities')]),
    ],
    [
      'T-14: discard from FAILED keeps what was created',
      withSteps([upload([valid, valid]), act('discard')], [refusedAlways]),
    ],
    [
      'T-14: discard from FAILED rolls back',
      {
        ...withSteps([upload([valid, valid]), act('discard')], [refusedAlways]),
        semantics: { sameFileReferences: false, discardFromFailed: 'rollback' },
      },
    ],
    [
      'T-15: discard-failed-entities after something was created',
      withSteps([upload([valid, valid]), act('discard-failed-entities')], [refusedAlways]),
    ],
    [
      'T-15: discard-failed-entities when nothing was created',
      withSteps(
        [upload([valid]), act('discard-failed-entities')],
        [{ type: 'PERSON.PERSON', key: 0, refuse: 'every' }],
      ),
    ],
    [
      'T-16: a retry that succeeds',
      withSteps([upload([valid, valid]), act('retry')], [refusedOnce]),
    ],
    [
      'T-16: a retry refused again, then discarded',
      withSteps([upload([valid, valid]), act('retry'), act('discard')], [refusedAlways]),
    ],
  ];

  for (const [name, plan] of paths) {
    it(`${name} goes as the oracle predicts`, async () => {
      expect(await failureOf(plan)).toBeNull();
    });
  }
});

function sample<T>(arbitrary: fc.Arbitrary<T>): T {
  const [value] = fc.sample(arbitrary, { numRuns: 1, seed: 42 });
  if (value === undefined) throw new Error('no sample');
  return value;
}

function entity(type: EntityType, defect: string | null = null): EntityPlan {
  return {
    type,
    body: BODIES[type],
    key: { kind: 'new' },
    reference: { kind: 'existing', index: 0 },
    defect,
  };
}

function upload(entities: EntityPlan[], technical: string | null = null): StepPlan {
  return {
    kind: 'upload',
    file: { entities, shape: 'collections', via: 'multipart', technical },
    sameBatchAs: null,
    requestId: false,
    flaw: 'none',
  };
}

function act(action: ActionChoice['action']): StepPlan {
  return {
    kind: 'act',
    process: 0,
    choice: { action, pick: 0 },
    requestId: false,
    as: 'owner',
  };
}

/** A tenant with one person and one account, so references resolve, and these steps. */
function withSteps(steps: StepPlan[], faults: FaultPlan[] = []): CasePlan {
  return {
    semantics: { sameFileReferences: false, discardFromFailed: 'keep-created' },
    given: {
      persons: [BODIES['PERSON.PERSON']],
      accounts: [{ body: BODIES['ACCOUNT.ACCOUNT'], person: 0 }],
      transactions: [],
      contracts: [],
    },
    faults,
    steps,
  };
}
