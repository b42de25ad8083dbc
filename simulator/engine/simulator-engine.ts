import type { StatusObject } from '../../api/wire-types.js';
import { advance } from '../../model/advance.js';
import { applyAction, type Action, type ActionRefusal } from '../../model/apply-action.js';
import { createProcess } from '../../model/create-process.js';
import type { FaultRule } from '../../model/fault-rule.js';
import type { ImportProcess, ImportUpload } from '../../model/import-process.js';
import type { ModelContext, StepResult } from '../../model/model-context.js';
import { resolveSemanticsOptions, type SemanticsOptions } from '../../model/semantics-options.js';
import { isTransient } from '../../model/statuses.js';
import { toStatusObject } from '../../model/status-object.js';
import type { CreatedEntity } from '../../model/tenant-view.js';
import { assertPace, type Pace, type ResolvedSimulatorOptions } from '../simulator-options.js';
import { TenantLedger } from './tenant-ledger.js';

export interface UploadInput {
  readonly tenant: string;
  readonly sourceName: string;
  readonly sourceRef: string;
  readonly upload: ImportUpload;
}

export type UploadOutcome =
  | { readonly ok: true; readonly status: StatusObject }
  | { readonly ok: false; readonly code: 'err.importSourceRefExists'; readonly message: string };

export type ActionOutcome =
  | { readonly kind: 'done'; readonly status: StatusObject }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'refused'; readonly refusal: ActionRefusal };

export interface FaultRuleInput {
  readonly match: FaultRule['match'];
  readonly refuse: FaultRule['refuse'];
}

/** What the simulator can change at run time through the control API. */
export type RuntimeConfig = {
  [K in keyof (SemanticsOptions & { pace?: Pace })]?:
    (SemanticsOptions & { pace?: Pace })[K] | undefined;
};

/**
 * The simulator's state and its clockwork: processes, the entities created in each tenant,
 * claimed batches and fault rules, advanced through the pure model at the configured pace.
 * Every method runs to completion synchronously, so two racing actions on one process are
 * judged one after the other (D-2).
 */
export class SimulatorEngine {
  #options: ResolvedSimulatorOptions;
  readonly #processes = new Map<string, ImportProcess>();
  readonly #ledger = new TenantLedger();
  /** Claimed batches: tenant + sourceName + sourceRef → the process holding the claim. */
  readonly #claims = new Map<string, string>();
  readonly #timers = new Map<string, () => void>();
  #faults: readonly FaultRule[] = [];
  #nextId = 1000;
  #nextFaultId = 1;

  constructor(options: ResolvedSimulatorOptions) {
    this.#options = options;
  }

  get options(): ResolvedSimulatorOptions {
    return this.#options;
  }

  /** H-1 / H-8: T-1, answered with the `INSERTED` status whatever the pace. */
  upload(input: UploadInput): UploadOutcome {
    // Step 1: a batch may be imported once per tenant while its claim holds.
    const claim = claimKey(input.tenant, input.sourceName, input.sourceRef);
    if (this.#options.semantics.uniqueSourceRef && this.#claims.has(claim)) {
      const holder = this.#claims.get(claim) ?? '';
      return {
        ok: false,
        code: 'err.importSourceRefExists',
        message:
          `Batch sourceName "${input.sourceName}" sourceRef "${input.sourceRef}" was already ` +
          `imported in tenant "${input.tenant}" by ${holder}. Use a new sourceRef for a new batch.`,
      };
    }

    // Step 2: the process is created and answered as it is now, before it moves on.
    const process = createProcess(
      {
        id: this.#newId(),
        tenant: input.tenant,
        source: { sourceName: input.sourceName, sourceRef: input.sourceRef, sourceLink: null },
        upload: input.upload,
      },
      this.#options.clock.now(),
    );
    this.#processes.set(process.id, process);
    this.#claims.set(claim, process.id);
    const answer = toStatusObject(process);

    this.#settle(process.id);
    return { ok: true, status: answer };
  }

  /** H-2. In `step` pace a read first advances the process by one transition. */
  read(id: string, tenant?: string): StatusObject | null {
    const process = this.#find(id, tenant);
    if (process === undefined) return null;
    if (this.#options.pace === 'step') this.advanceOne(id);
    return toStatusObject(this.#processes.get(id) ?? process);
  }

  /** H-3 … H-6: the action's own transition is answered, never a later automatic one. */
  act(id: string, action: Action, tenant?: string): ActionOutcome {
    const process = this.#find(id, tenant);
    if (process === undefined) return { kind: 'not-found' };

    const result = applyAction(process, action, this.#context(process));
    if (!result.ok) return { kind: 'refused', refusal: result.refusal };

    this.#apply(result.step);
    const answer = toStatusObject(result.step.process);
    this.#settle(id);
    return { kind: 'done', status: answer };
  }

  /** Control API: one automatic transition of a transient process; null when unknown. */
  advanceOne(id: string): { advanced: boolean; status: StatusObject } | null {
    const process = this.#processes.get(id);
    if (process === undefined) return null;
    const step = advance(process, this.#context(process));
    if (step !== null) this.#apply(step);
    return { advanced: step !== null, status: toStatusObject(this.#processes.get(id) ?? process) };
  }

  /** Control API: everything known of one process. */
  inspect(id: string): ImportProcess | undefined {
    return this.#processes.get(id);
  }

  /** Control API: the entities created in a tenant. */
  created(tenant: string): CreatedEntity[] {
    return this.#ledger.list(tenant);
  }

  faults(): readonly FaultRule[] {
    return this.#faults;
  }

  addFault(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { id: `F-${this.#nextFaultId++}`, ...input, sends: 0 };
    this.#faults = [...this.#faults, rule];
    return rule;
  }

  clearFaults(): void {
    this.#faults = [];
  }

  /** Control API: changes pace and semantics options for what happens from now on. */
  configure(config: RuntimeConfig): void {
    const pace = config.pace ?? this.#options.pace;
    assertPace(pace);
    const semantics = resolveSemanticsOptions({
      discardFromFailed: config.discardFromFailed ?? this.#options.semantics.discardFromFailed,
      sameFileReferences: config.sameFileReferences ?? this.#options.semantics.sameFileReferences,
      uniqueSourceRef: config.uniqueSourceRef ?? this.#options.semantics.uniqueSourceRef,
    });
    this.#options = { ...this.#options, pace, semantics };

    // Transitions already scheduled belong to the old pace: a process that waits for a read
    // must not move on its own, and one that should run on must not stay where it is.
    for (const cancel of this.#timers.values()) cancel();
    this.#timers.clear();
    for (const id of this.#processes.keys()) this.#settle(id);
  }

  /** Control API: forgets every process, entity, claim and fault rule. */
  reset(): void {
    for (const cancel of this.#timers.values()) cancel();
    this.#timers.clear();
    this.#processes.clear();
    this.#ledger.clear();
    this.#claims.clear();
    this.#faults = [];
  }

  /** Stops pending timers, so a closed simulator leaves nothing running. */
  close(): void {
    for (const cancel of this.#timers.values()) cancel();
    this.#timers.clear();
  }

  #find(id: string, tenant: string | undefined): ImportProcess | undefined {
    const process = this.#processes.get(id);
    // Another tenant's process answers as an unknown one: no hint that it exists.
    if (process === undefined || (tenant !== undefined && tenant !== process.tenant)) {
      return undefined;
    }
    return process;
  }

  /** Lets a process move on after a change, as the pace says. */
  #settle(id: string): void {
    const pace = this.#options.pace;
    if (pace === 'step') return;
    if (pace === 'instant') {
      while (this.advanceOne(id)?.advanced === true) {
        // Each pass performs one transition; the loop ends at a suspended or final status.
      }
      return;
    }
    this.#schedule(id, pace);
  }

  #schedule(id: string, delay: number): void {
    const process = this.#processes.get(id);
    if (process === undefined || !isTransient(process.status) || this.#timers.has(id)) return;
    const cancel = this.#options.clock.schedule(delay, () => {
      this.#timers.delete(id);
      this.advanceOne(id);
      const pace = this.#options.pace;
      if (typeof pace === 'number') this.#schedule(id, pace);
      else if (pace === 'instant') this.#settle(id);
    });
    this.#timers.set(id, cancel);
  }

  #context(process: ImportProcess): ModelContext {
    return {
      now: this.#options.clock.now(),
      newId: () => this.#newId(),
      tenant: this.#ledger.view(process.tenant),
      options: this.#options.semantics,
      referenceData: this.#options.referenceData,
      faults: this.#faults,
    };
  }

  #apply(step: StepResult): void {
    const process = step.process;
    this.#processes.set(process.id, process);
    for (const entity of step.created) this.#ledger.add(process.tenant, entity);
    for (const entity of step.removed) this.#ledger.remove(process.tenant, entity);
    this.#faults = step.faults;

    // The batch is free again when its process ended without leaving anything created.
    const ended = process.status === 'ERROR' || process.status === 'DISCARDED';
    const nothingCreated = !process.entities.some((entity) => entity.status === 'CREATED');
    if (ended && nothingCreated) {
      const claim = claimKey(process.tenant, process.source.sourceName, process.source.sourceRef);
      if (this.#claims.get(claim) === process.id) this.#claims.delete(claim);
    }
  }

  #newId(): string {
    return `DIM-${this.#nextId++}`;
  }
}

function claimKey(tenant: string, sourceName: string, sourceRef: string): string {
  return JSON.stringify([tenant, sourceName, sourceRef]);
}
