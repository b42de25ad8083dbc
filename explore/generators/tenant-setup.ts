/**
 * What a generated case finds in its tenant before its steps: the given files, imported in
 * every possible world, and — when the control API may be used — the fault rules that spare
 * them.
 */
import type { Scenario } from '../../scenarios/format/scenario-schema.js';
import type { PossibleWorlds } from '../oracle/possible-worlds.js';
import type { CasePlan, GivenPlan } from './case-plan.js';
import { CASE_TENANT } from './case-tenants.js';
import type { EntityType } from './entity-defect.js';
import { givenFiles } from './given-files.js';
import type { KeyBook } from './key-book.js';

export interface TenantSetup {
  readonly given: NonNullable<Scenario['given']>;
  readonly faults: NonNullable<Scenario['faults']>;
  /** The handle of each given upload, in the order the runner sends them. */
  readonly handles: readonly string[];
}

/** The given files first (their keys are taken from `keys`), then the fault rules. */
export function setUpTenant(
  plan: CasePlan,
  control: boolean,
  keys: KeyBook,
  worlds: PossibleWorlds,
): TenantSetup {
  const { given, handles } = importGiven(plan.given, keys, worlds);
  const faults = control ? faultsSparingGiven(plan.faults, keys, worlds) : [];
  return { given, faults, handles };
}

/** The given files, imported in every possible world; each must end DONE. */
function importGiven(
  plan: GivenPlan,
  keys: KeyBook,
  worlds: PossibleWorlds,
): Pick<TenantSetup, 'given' | 'handles'> {
  const files = givenFiles(plan, keys);
  const handles = files.map((file, index) => {
    const handle = `given-${index}`;
    const answer = worlds.upload({
      handle,
      tenant: CASE_TENANT,
      tokenSent: true,
      requestId: null,
      sourceName: 'import-harness-given',
      sourceRef: handle,
      body: { via: 'multipart', bytes: new TextEncoder().encode(JSON.stringify(file)) },
    });
    const status = worlds.read(handle, { tenant: null, tokenSent: true }).status;
    if (answer.accepted !== 'all' || status !== 'DONE') {
      throw new Error(`explore: given file ${index} would end in ${status ?? '?'}, not DONE`);
    }
    return handle;
  });
  return { given: files.map((file) => ({ json: file })), handles };
}

/** Fault rules, leaving out any that would refuse an entity of the given files. */
function faultsSparingGiven(
  planned: CasePlan['faults'],
  keys: KeyBook,
  worlds: PossibleWorlds,
): TenantSetup['faults'] {
  const faults: NonNullable<Scenario['faults']> = [];
  for (const fault of planned) {
    const type = fault.type ?? undefined;
    // Key indices count from the first key the given files did not take.
    const keyType = type ?? 'PERSON.PERSON';
    const key =
      fault.key === null
        ? undefined
        : keys.poolKey(keyType, keys.given[keyType].length + fault.key);
    const hitsGiven = (Object.keys(keys.given) as EntityType[]).some((givenType) =>
      keys.given[givenType].some(
        (givenKey) =>
          (type === undefined || type === givenType) && (key === undefined || key === givenKey),
      ),
    );
    if (hitsGiven) continue;
    worlds.addFault({ type, key, refuse: fault.refuse });
    const match = {
      ...(type === undefined ? {} : { type }),
      ...(key === undefined ? {} : { key }),
    };
    faults.push({ ...(Object.keys(match).length > 0 ? { match } : {}), refuse: fault.refuse });
  }
  return faults;
}
