import type { StatusObject } from '../../api/wire-types.js';
import { advance, finishParsing } from '../../model/advance.js';
import { applyAction, type Action } from '../../model/apply-action.js';
import { createProcess } from '../../model/create-process.js';
import type { FaultRule } from '../../model/fault-rule.js';
import type { ImportProcess, ImportUpload } from '../../model/import-process.js';
import type { ModelContext, StepResult } from '../../model/model-context.js';
import { resolveSemanticsOptions } from '../../model/semantics-options.js';
import type { ReadLimits } from '../../model/import-file/read-limits.js';
import { isTransient } from '../../model/statuses.js';
import { toStatusObject } from '../../model/status-object.js';
import type { CreatedEntity } from '../../model/tenant-view.js';
import { assertPace, type ResolvedSimulatorOptions } from '../simulator-options.js';
import type {
  AccessScope,
  ActionOutcome,
  EngineStats,
  FaultRuleInput,
  ProcessSummary,
  RuntimeConfig,
  UploadInput,
  UploadOutcome,
} from './engine-types.js';
import { ProcessStore, type StoreFull } from './process-store.js';
import { SpooledReads } from './spooled-reads.js';
import { TenantLedger } from './tenant-ledger.js';
import { UploadSpool } from './upload-spool.js';

export type { AccessScope } from './engine-types.js';

/**
 * The simulator's state and its clockwork: processes, the entities created in each tenant,
 * claimed batches and fault rules, advanced through the pure model at the configured pace.
 * Every method runs to completion synchronously, so two racing actions on one process are
 * judged one after the other (D-2).
 */
export class SimulatorEngine {
  #options: ResolvedSimulatorOptions;
  readonly #store: ProcessStore;
  readonly #ledger = new TenantLedger();
  /** Claimed batches: tenant + sourceName + sourceRef → the process holding the claim. */
  readonly #claims = new Map<string, string>();
  readonly #timers = new Map<string, () => void>();
  readonly #reads = new SpooledReads();
  readonly #spool: UploadSpool;
  #faults: readonly FaultRule[] = [];
  #nextId = 1000;
  #nextFaultId = 1;

  constructor(options: ResolvedSimulatorOptions) {
    this.#options = options;
    this.#store = new ProcessStore(options);
    this.#spool = new UploadSpool(options.spoolDirectory);
  }

  /** Where the HTTP layer writes uploads too large to hold in memory. */
  get spool(): UploadSpool {
    return this.#spool;
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
        retryAfterSeconds: null,
      };
    }

    // Step 2: the simulator's limits; final processes are forgotten to make room.
    const full = this.#capacityRefusal(input.bytes);
    if (full !== null) return full;

    // Step 3: the process is created and answered as it is now, before it moves on.
    const process = createProcess(
      {
        id: this.#newId(),
        tenant: input.tenant,
        source: { sourceName: input.sourceName, sourceRef: input.sourceRef, sourceLink: null },
        upload: input.upload,
      },
      this.#options.clock.now(),
    );
    this.#store.add(process, input.bytes);
    this.#claims.set(claim, process.id);
    const answer = toStatusObject(process);

    this.#settle(process.id);
    return { ok: true, status: answer };
  }

  /** Lets go of an upload that was refused, or that the engine no longer needs. */
  discardUpload(upload: ImportUpload): void {
    if (upload.kind === 'file') this.#spool.remove(upload.path);
  }

  /** H-2. In `step` pace a read first advances the process by one transition. */
  read(id: string, scope: AccessScope = {}): StatusObject | null {
    const process = this.#find(id, scope);
    if (process === undefined) return null;
    if (this.#options.pace === 'step') this.advanceOne(id);
    return toStatusObject(this.#store.get(id) ?? process);
  }

  /** H-3 … H-6: the action's own transition is answered, never a later automatic one. */
  act(id: string, action: Action, scope: AccessScope = {}): ActionOutcome {
    const process = this.#find(id, scope);
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
    return this.#advanceOne(id, 'now');
  }

  /**
   * One automatic transition. `now` performs it at once, reading a spooled upload on the
   * spot; `background` starts reading it and lets the process move on once it is read.
   */
  #advanceOne(
    id: string,
    mode: 'now' | 'background',
  ): { advanced: boolean; status: StatusObject } | null {
    const process = this.#store.get(id);
    if (process === undefined) return null;
    const step = this.#advance(process, mode);
    if (step !== null) this.#apply(step);
    return { advanced: step !== null, status: toStatusObject(this.#store.get(id) ?? process) };
  }

  /** Control API: everything known of one process. */
  inspect(id: string): ImportProcess | undefined {
    return this.#store.get(id);
  }

  /** Control API: how many history entries of a process were dropped to bound it. */
  historyDropped(id: string): number {
    return this.#store.historyDropped(id);
  }

  /** Control API: every kept process, oldest first. */
  list(): ProcessSummary[] {
    return [...this.#store.processes()].map((process) => ({
      importProcessId: process.id,
      tenant: process.tenant,
      statusCode: process.status,
    }));
  }

  /** Control API: what the engine holds. */
  stats(): EngineStats {
    return {
      processes: { total: this.#store.size, ...this.#store.countByKind() },
      storedBytes: this.#store.storedBytes,
      createdEntities: this.#ledger.size,
      batchClaims: this.#claims.size,
      pendingTransitions: this.#timers.size,
      faultRules: this.#faults.length,
    };
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
    for (const id of [...this.#store.ids()]) this.#settle(id);
  }

  /** Control API: forgets every process, entity, claim and fault rule. */
  reset(): void {
    for (const cancel of this.#timers.values()) cancel();
    this.#timers.clear();
    this.#dropReads();
    this.#store.clear();
    this.#ledger.clear();
    this.#claims.clear();
    this.#faults = [];
  }

  /** Stops pending timers, so a closed simulator leaves nothing running. */
  close(): void {
    for (const cancel of this.#timers.values()) cancel();
    this.#timers.clear();
    this.#dropReads();
    this.#spool.close();
  }

  /** Cancels background reads and removes the spooled files still waiting to be read. */
  #dropReads(): void {
    this.#reads.cancelAll();
    for (const process of this.#store.processes()) {
      if (process.upload !== null) this.discardUpload(process.upload);
    }
  }

  #find(id: string, scope: AccessScope): ImportProcess | undefined {
    const process = this.#store.get(id);
    if (process === undefined) return undefined;
    // Another tenant's process answers as an unknown one: no hint that it exists.
    if (scope.tenant !== undefined && scope.tenant !== process.tenant) return undefined;
    if (scope.mayAccess !== undefined && !scope.mayAccess(process.tenant)) return undefined;
    return process;
  }

  /** A refusal when the simulator is full, or null when the upload may go ahead. */
  #capacityRefusal(bytes: number): UploadOutcome | null {
    const limit = this.#options.maxCreatedEntities;
    if (this.#ledger.size >= limit) {
      return {
        ok: false,
        code: 'err.storageLimitReached',
        message:
          `The simulator holds ${this.#ledger.size} created entities, its limit ` +
          `(maxCreatedEntities ${limit}). Reset it (POST /__simulator/reset) or restart it ` +
          'with a higher limit.',
        retryAfterSeconds: null,
      };
    }

    const full: StoreFull | null = this.#store.makeRoom(bytes);
    if (full === null) return null;
    const what =
      full.limit === 'maxProcesses'
        ? `${this.#store.size} processes (limit maxProcesses ${this.#options.maxProcesses})`
        : `${this.#store.storedBytes} bytes of import files (limit maxStoredBytes ` +
          `${this.#options.maxStoredBytes})`;
    // Running processes end by themselves; suspended ones wait for a client.
    const waitHelps = full.transient > 0;
    return {
      ok: false,
      code: full.limit === 'maxProcesses' ? 'err.processLimitReached' : 'err.storageLimitReached',
      message:
        `The simulator keeps ${what}, and none of them can be forgotten: ${full.suspended} ` +
        `are suspended (REJECTED or FAILED) and ${full.transient} still running. ` +
        (waitHelps ? 'Try again shortly, or ' : '') +
        'discard or retry suspended processes, reset the simulator, or raise the limit.',
      retryAfterSeconds: waitHelps ? 1 : null,
    };
  }

  /** The model's next transition; a spooled upload is read here, the model being pure. */
  #advance(process: ImportProcess, mode: 'now' | 'background'): StepResult | null {
    const upload = process.upload;
    if (process.status !== 'PARSING' || upload?.kind !== 'file') {
      return advance(process, this.#context(process));
    }

    // In the background the file is read while other requests are answered, and the process
    // moves on as its pace says once it is read; a transition due now reads it on the spot.
    const options = this.#readOptions();
    const result =
      mode === 'background'
        ? this.#reads.poll(process.id, upload.path, options, () => this.#settle(process.id))
        : this.#reads.take(process.id, upload.path, options);
    if (result === null) return null;
    this.#spool.remove(upload.path);
    return finishParsing(process, result, this.#context(process));
  }

  #readOptions(): { referenceData: ResolvedSimulatorOptions['referenceData']; limits: ReadLimits } {
    return { referenceData: this.#options.referenceData, limits: this.#options };
  }

  /** Lets a process move on after a change, as the pace says. */
  #settle(id: string): void {
    const pace = this.#options.pace;
    if (pace === 'step') return;
    if (pace === 'instant') {
      // A process from a spooled file may hold millions of entities: it moves on one
      // transition at a time, letting other requests be answered in between.
      const spooled = this.#store.get(id)?.upload?.kind === 'file';
      while (this.#advanceOne(id, 'background')?.advanced === true) {
        if (spooled || (this.#store.get(id)?.entities.length ?? 0) > LARGE_PROCESS) {
          this.#schedule(id, 0);
          return;
        }
      }
      return;
    }
    this.#schedule(id, pace);
  }

  #schedule(id: string, delay: number): void {
    const process = this.#store.get(id);
    if (process === undefined || !isTransient(process.status) || this.#timers.has(id)) return;
    const cancel = this.#options.clock.schedule(delay, () => {
      this.#timers.delete(id);
      this.#advanceOne(id, 'background');
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
      readLimits: this.#options,
    };
  }

  #apply(step: StepResult): void {
    const process = step.process;
    this.#store.update(process);
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

/** Entities above which an `instant` process yields between transitions. */
const LARGE_PROCESS = 50_000;

function claimKey(tenant: string, sourceName: string, sourceRef: string): string {
  return JSON.stringify([tenant, sourceName, sourceRef]);
}
