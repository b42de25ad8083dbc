/**
 * A small world for driving the pure model in tests: a fixed clock, counter-based ids, a
 * tenant backed by a Set and fault rules, with each step's effects applied to the tenant as
 * the simulator would apply them. Nothing here decides semantics; it only runs the real
 * model functions in order.
 */
import { advance } from './advance.js';
import { applyAction, type Action, type ActionResult } from './apply-action.js';
import { createProcess } from './create-process.js';
import type { EntityType } from './entity-types.js';
import type { FaultRule } from './fault-rule.js';
import type { ImportProcess } from './import-process.js';
import type { ModelContext, StepResult } from './model-context.js';
import { DEFAULT_REFERENCE_DATA } from './reference-data.js';
import { resolveSemanticsOptions, type SemanticsOptions } from './semantics-options.js';
import type { ProcessStatus } from './statuses.js';
import type { TenantView } from './tenant-view.js';
import { validAccount, validContract, validPerson } from './validation/test-fixtures.js';

type Data = Record<string, unknown>;

/** The fixed time of every step: 2023-11-14T22:13:20.000Z. */
export const FIXED_NOW = 1_700_000_000_000;
export const FIXED_NOW_ISO = '2023-11-14T22:13:20.000Z';

export const TENANT = 'tenant-a';

export class ModelWorld {
  /** Entities of the tenant, as `<type> <key>`. */
  readonly held = new Set<string>();
  faults: readonly FaultRule[] = [];
  options: SemanticsOptions;
  #nextId = 1;
  #nextFault = 1;

  constructor(options: SemanticsOptions = {}) {
    this.options = options;
  }

  readonly newId = (): string => `DIM-${this.#nextId++}`;

  /** A tenant view over `held`, read at the moment of each question. */
  readonly tenant: TenantView = {
    has: (type, key) => this.held.has(`${type} ${key}`),
  };

  holds(type: EntityType, key: string): boolean {
    return this.held.has(`${type} ${key}`);
  }

  /** Puts an entity into the tenant, as if an earlier import had created it. */
  hold(type: EntityType, key: string): void {
    this.held.add(`${type} ${key}`);
  }

  addFault(rule: Pick<FaultRule, 'match' | 'refuse'>): FaultRule {
    const added: FaultRule = { id: `F-${this.#nextFault++}`, ...rule, sends: 0 };
    this.faults = [...this.faults, added];
    return added;
  }

  context(): ModelContext {
    return {
      now: FIXED_NOW,
      newId: this.newId,
      tenant: this.tenant,
      options: resolveSemanticsOptions(this.options),
      referenceData: DEFAULT_REFERENCE_DATA,
      faults: this.faults,
    };
  }

  /** T-1 with a parsed JSON document (the H-8 kind of upload). */
  upload(document: unknown, sourceRef = 'batch-1'): ImportProcess {
    return createProcess(
      {
        id: this.newId(),
        tenant: TENANT,
        source: { sourceName: 'legacy-core', sourceRef, sourceLink: null },
        upload: { kind: 'document', document },
      },
      FIXED_NOW,
    );
  }

  /** T-1 with raw file bytes (the H-1 kind of upload). */
  uploadBytes(text: string): ImportProcess {
    return createProcess(
      {
        id: this.newId(),
        tenant: TENANT,
        source: { sourceName: 'legacy-core', sourceRef: 'bytes', sourceLink: null },
        upload: { kind: 'bytes', bytes: new TextEncoder().encode(text) },
      },
      FIXED_NOW,
    );
  }

  /** One automatic transition, its effects applied to the tenant and the fault rules. */
  step(process: ImportProcess): StepResult | null {
    const result = advance(process, this.context());
    if (result !== null) this.#apply(result);
    return result;
  }

  /** Like `step`, for a process that is known to be transient. */
  next(process: ImportProcess): ImportProcess {
    const result = this.step(process);
    if (result === null) throw new Error(`${process.status} does not advance on its own`);
    return result.process;
  }

  /** Automatic transitions until the process is suspended or final. */
  settle(process: ImportProcess): ImportProcess {
    let current = process;
    for (let result = this.step(current); result !== null; result = this.step(current)) {
      current = result.process;
    }
    return current;
  }

  /** Automatic transitions until the process reaches `status`. */
  until(process: ImportProcess, status: ProcessStatus): ImportProcess {
    let current = process;
    while (current.status !== status) current = this.next(current);
    return current;
  }

  /** A client action, its effects applied when it is not refused. */
  act(process: ImportProcess, action: Action): ActionResult {
    const result = applyAction(process, action, this.context());
    if (result.ok) this.#apply(result.step);
    return result;
  }

  /** A client action that must succeed. */
  perform(process: ImportProcess, action: Action): ImportProcess {
    const result = this.act(process, action);
    if (!result.ok) throw new Error(result.refusal.message);
    return result.step.process;
  }

  #apply(result: StepResult): void {
    for (const entity of result.created) this.hold(entity.type, entity.key);
    for (const entity of result.removed) this.held.delete(`${entity.type} ${entity.key}`);
    this.faults = result.faults;
  }
}

/** A valid person like examples/person.json, with its own key. */
export function person(key: string, overrides: Data = {}): Data {
  return validPerson({ externalPersonId: key, ...overrides });
}

/** A person that fails V-2: no primary identification number. */
export function invalidPerson(key: string): Data {
  return person(key, {
    identificationNumbers: [{ idNumber: '12123456A123', idCountryCode: 'DE', primary: false }],
  });
}

/** A valid account like examples/account.json, of the given person. */
export function account(key: string, personKey: string, overrides: Data = {}): Data {
  return validAccount({ externalAccountId: key, externalPersonId: personKey, ...overrides });
}

/** A valid loan contract like examples/loan-contract.json, of the given person. */
export function contract(key: string, personKey: string): Data {
  return validContract({ externalContractId: key, externalPersonId: personKey });
}

let nextKey = 1;

/** A key no other entity of the run has: `<prefix>-<n>`. */
export function uniqueKey(prefix: string): string {
  return `${prefix}-${nextKey++}`;
}

/**
 * A process of the world in the given status, reached only through the real transitions and
 * actions: one valid person, plus one invalid person where a rejection is needed, plus a fault
 * rule on a person where a failure is needed.
 */
export function processIn(world: ModelWorld, status: ProcessStatus): ImportProcess {
  const good = uniqueKey('P');
  const bad = uniqueKey('P');
  const valid = (): ImportProcess => world.upload({ persons: [person(good)] }, uniqueKey('batch'));
  const mixed = (): ImportProcess =>
    world.upload({ persons: [person(good), invalidPerson(bad)] }, uniqueKey('batch'));
  const failing = (): ImportProcess => {
    world.addFault({ match: { key: bad }, refuse: 'every' });
    return world.upload({ persons: [person(good), person(bad)] }, uniqueKey('batch'));
  };

  switch (status) {
    case 'INSERTED':
    case 'PARSING':
    case 'PARSED':
    case 'VALIDATING':
    case 'APPROVED':
    case 'SENDING':
      return world.until(valid(), status);
    case 'ERROR':
      return world.settle(world.uploadBytes('this is not JSON'));
    case 'REJECTED':
      return world.settle(mixed());
    case 'PARTIALLY_APPROVED':
      return world.perform(world.settle(mixed()), 'discard-rejected-entities');
    case 'FAILED':
      return world.settle(failing());
    case 'DONE':
      return world.settle(valid());
    case 'PARTIALLY_DONE':
      return world.settle(world.perform(world.settle(mixed()), 'discard-rejected-entities'));
    case 'DISCARDED':
      return world.perform(world.settle(mixed()), 'discard');
  }
}
