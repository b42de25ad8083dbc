import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { accountArbitrary } from '../../explore/generators/account-arbitrary.js';
import { FIXTURES_DIR } from '../../explore/generators/build-case.js';
import { caseArbitrary, casePlanArbitrary } from '../../explore/generators/case-arbitrary.js';
import type { CasePlan } from '../../explore/generators/case-plan.js';
import { minimizePlan } from '../../explore/generators/minimize-plan.js';
import { contractArbitrary } from '../../explore/generators/contract-arbitrary.js';
import { ENTITY_DEFECTS } from '../../explore/generators/entity-defects.js';
import { personArbitrary } from '../../explore/generators/person-arbitrary.js';
import { TECHNICAL_DEFECTS } from '../../explore/generators/technical-defects.js';
import { transactionArbitrary } from '../../explore/generators/transaction-arbitrary.js';
import { entityProblems } from '../../explore/oracle/entity-rules.js';
import { DEFAULT_CATALOGUES, type EntityType } from '../../explore/oracle/oracle-state.js';
import { readImportBytes, readImportDocument } from '../../explore/oracle/read-import-file.js';
import { scenarioSchema } from '../../scenarios/format/scenario-schema.js';
import {
  scenarioNeedsSimulator,
  stepNeedsSimulator,
} from '../../scenarios/runner/needs-simulator.js';
import { contentBytes } from '../../scenarios/runner/resolve-content.js';

const VALID: ReadonlyArray<[EntityType, fc.Arbitrary<Record<string, unknown>>]> = [
  ['PERSON.PERSON', personArbitrary()],
  ['ACCOUNT.ACCOUNT', accountArbitrary()],
  ['ACCOUNT.ACCOUNT_TRANSACTION', transactionArbitrary()],
  ['LOAN.CONTRACT', contractArbitrary()],
];

const problemsOf = (type: EntityType, entity: Record<string, unknown>): unknown[] =>
  entityProblems(type, entity, DEFAULT_CATALOGUES).map(({ code, field }) => ({ code, field }));

describe('entity generators', () => {
  for (const [type, arbitrary] of VALID) {
    it.prop([arbitrary], { numRuns: 200 })(
      `a generated ${type} entity breaks no rule of its type (V-1…V-5, V-11…V-13)`,
      (entity) => {
        expect(problemsOf(type, entity)).toEqual([]);
      },
    );
  }

  it.prop([personArbitrary()], { numRuns: 100 })(
    'a generated person has exactly one primary identification number (V-2)',
    (person) => {
      const ids = person['identificationNumbers'] as Array<{ primary: boolean }>;
      expect(ids.filter((id) => id.primary)).toHaveLength(1);
    },
  );
});

describe('entity defects', () => {
  const arbitraryOf = (type: EntityType): fc.Arbitrary<Record<string, unknown>> =>
    VALID.find(([candidate]) => candidate === type)?.[1] ?? fc.constant({});

  for (const defect of ENTITY_DEFECTS.filter((candidate) => candidate.disputed === undefined)) {
    it.prop([arbitraryOf(defect.type)], { numRuns: 30 })(
      `${defect.id} breaks ${defect.rule} and nothing else`,
      (entity) => {
        const broken = defect.apply(entity);
        expect(problemsOf(defect.type, broken)).toEqual([defect.error(broken)]);
      },
    );
  }

  it('leaves the entity it was given unchanged', () => {
    const person = fc.sample(personArbitrary(), { numRuns: 1, seed: 1 })[0] ?? {};
    const before = structuredClone(person);
    for (const defect of ENTITY_DEFECTS.filter((d) => d.type === 'PERSON.PERSON')) {
      defect.apply(person);
    }
    expect(person).toEqual(before);
  });

  it('cover every data-validation rule, V-6…V-10 through the choice of keys', () => {
    const rules = new Set([
      ...ENTITY_DEFECTS.map((defect) => defect.rule),
      'V-6',
      'V-7',
      'V-8',
      'V-9',
      'V-10',
    ]);
    expect([...rules].sort()).toEqual(
      Array.from({ length: 13 }, (_, index) => `V-${index + 1}`).sort(),
    );
  });
});

describe('technical defects (section 7)', () => {
  const file = { persons: fc.sample(personArbitrary(), { numRuns: 1, seed: 2 }) };

  for (const defect of TECHNICAL_DEFECTS) {
    it(`${defect.id}: ${defect.description}, so the file cannot be read (T-3)`, () => {
      const content = defect.content(file);
      expect(readImportBytes(contentBytes(content, FIXTURES_DIR, 'run')).ok).toBe(false);
      if (defect.viaJson) expect(readImportDocument(content.json).ok).toBe(false);
    });
  }

  it('the valid file they start from can be read', () => {
    expect(readImportDocument(file).ok).toBe(true);
  });
});

describe('generated cases', () => {
  it.prop([caseArbitrary()], { numRuns: 60 })(
    'are scenarios of the same type as scenario files, surviving a YAML round trip',
    (generated) => {
      const scenario = generated.scenario;
      expect(scenarioSchema.safeParse(scenario).success).toBe(true);
      expect(parse(stringify(scenario))).toEqual(JSON.parse(JSON.stringify(scenario)));
      expect(generated.notes).toHaveLength(scenario.steps.length);
    },
  );

  it.prop([caseArbitrary({ control: false })], { numRuns: 40 })(
    'need no control API when asked for a provider',
    (generated) => {
      const { scenario } = generated;
      expect(scenarioNeedsSimulator(scenario)).toBeNull();
      expect(scenario.steps.map(stepNeedsSimulator).filter((why) => why !== null)).toEqual([]);
    },
  );

  it('shrink toward fewer steps: the smallest case with a race is an upload and a race', async () => {
    const noRace = (plan: CasePlan): boolean => !plan.steps.some((step) => step.kind === 'race');
    const plan = await smallest(noRace);
    expect(plan.steps.map((step) => step.kind)).toEqual(['upload', 'race']);
  });

  it('shrink toward fewer entities: the smallest file with a contract holds just it', async () => {
    const noContract = (plan: CasePlan): boolean =>
      plan.steps.every(
        (step) =>
          step.kind !== 'upload' || step.file.entities.every((e) => e.type !== 'LOAN.CONTRACT'),
      );
    const plan = await smallest(noContract);
    const upload = plan.steps[0];
    expect(plan.steps).toHaveLength(1);
    expect(upload?.kind === 'upload' ? upload.file.entities.map((e) => e.type) : []).toEqual([
      'LOAN.CONTRACT',
    ]);
  });
});

/** The smallest plan that breaks a property: fast-check's shrinking, then minimizePlan. */
async function smallest(property: (plan: CasePlan) => boolean): Promise<CasePlan> {
  const details = fc.check(fc.property(casePlanArbitrary(), property), { seed: 7 });
  const counterexample = details.counterexample?.[0];
  if (counterexample === undefined) throw new Error('the property never failed');
  return (await minimizePlan(counterexample, (plan) => !property(plan))).plan;
}
