/**
 * Builds a generated case: the plan becomes an ordinary scenario whose every expectation is
 * the oracle's prediction, with a status check after each change and, when a simulator is
 * there to ask, the entities the tenant must hold at the end.
 */
import { fileURLToPath } from 'node:url';
import type { ActionName } from '../../client/import-api-client.js';
import type { ScenarioStep } from '../../scenarios/format/scenario-schema.js';
import { contentBytes, contentDocument } from '../../scenarios/runner/resolve-content.js';
import { ACTION_NAMES } from '../oracle/client-actions.js';
import type { UploadRequest } from '../oracle/oracle-world.js';
import { PossibleWorlds, type AgreedView } from '../oracle/possible-worlds.js';
import type { ActionChoice, CasePlan, StepPlan } from './case-plan.js';
import { caseScenario } from './case-scenario.js';
import { CASE_TENANT, OTHER_TENANT, tenantOf } from './case-tenants.js';
import type { BuildOptions, GeneratedCase } from './generated-case.js';
import { KeyBook, pick } from './key-book.js';
import { materializeFile } from './materialize-file.js';
import { expectation, sharedBatches } from './scenario-parts.js';
import { statusCheck } from './status-check.js';
import { StepLog, type StepNote } from './step-log.js';
import { setUpTenant } from './tenant-setup.js';

export { CASE_TENANT, OTHER_TENANT };
export type { BuildOptions, GeneratedCase, StepNote };

/** Where generated cases find files they refer to (bytes that are not UTF-8). */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures', import.meta.url));

const ACTION_RULE: Readonly<Record<ActionName, string>> = {
  discard: 'H-3',
  'discard-rejected-entities': 'H-4',
  'discard-failed-entities': 'H-5',
  retry: 'H-6',
};

export function buildCase(plan: CasePlan, options: BuildOptions): GeneratedCase {
  return new CaseBuilder(plan, options).build();
}

class CaseBuilder {
  readonly #plan: CasePlan;
  readonly #options: BuildOptions;
  /** The semantics the oracle predicts with: the plan's only when the simulator is told. */
  readonly #semantics: CasePlan['semantics'];
  readonly #worlds: PossibleWorlds;
  readonly #keys: KeyBook;
  readonly #log = new StepLog();
  /** Processes every possible world holds, by name. */
  readonly #named: string[] = [];
  readonly #uploadsWithIds: Array<{ step: ScenarioStep; request: UploadRequest }> = [];
  readonly #actsWithIds: Array<{ process: string; action: ActionName; requestId: string }> = [];
  readonly #batchOf: Array<string | null>;
  /** Transitions of each process already covered by a check. */
  readonly #checked = new Map<string, number>();
  #uploads = 0;
  /** The handle of each upload request, in the order the runner sends them. */
  readonly #sent: string[] = [];
  #requestIds = 0;

  constructor(plan: CasePlan, options: BuildOptions) {
    this.#plan = plan;
    this.#options = options;
    this.#keys = new KeyBook(options.keySuffix);
    this.#semantics = options.control ? plan.semantics : DEFAULT_SEMANTICS;
    this.#worlds = new PossibleWorlds(this.#semantics);
    this.#batchOf = sharedBatches(plan.steps);
  }

  build(): GeneratedCase {
    // Step 1: the tenant's earlier imports, then the fault rules that spare them.
    const setup = setUpTenant(this.#plan, this.#options.control, this.#keys, this.#worlds);
    this.#sent.push(...setup.handles);

    // Step 2: the client's steps, each with what the oracle predicts.
    for (const step of this.#plan.steps) this.#step(step);
    if (this.#options.control) this.#created();

    // Step 3: the scenario.
    const { steps, notes } = this.#log;
    const scenario = caseScenario({
      plan: this.#plan,
      semantics: this.#semantics,
      setup,
      steps,
      notes,
    });
    const histories = this.#sent.map((handle) => this.#worlds.transitions(handle));
    return { plan: this.#plan, scenario, notes, histories };
  }

  #step(step: StepPlan): void {
    if (step.kind === 'upload') return this.#upload(step);
    if (step.kind === 'repost-upload') return this.#repostUpload(step.of);
    if (step.kind === 'read-unknown') return this.#readUnknown();
    if (step.kind === 'repost-act') return this.#repostAct(step.of);
    // Processes waiting for a client action come first, so small indices reach them.
    const waiting = this.#named.filter(
      (name) => this.#worlds.sample.allowedActions(name).length > 0,
    );
    const process = pick([...new Set([...waiting, ...this.#named])], step.process);
    if (process === undefined) return;
    if (step.kind === 'read') return this.#read(process, step.as);
    if (step.kind === 'act') return this.#act(process, step.choice, step.requestId, step.as);
    // A race is about who wins; on a process that allows nothing, nobody can.
    const contested = pick(waiting, step.process);
    if (contested === undefined) return;
    return this.#race(contested, step.choices);
  }

  #upload(step: Extract<StepPlan, { kind: 'upload' }>): void {
    const index = this.#uploads++;
    const file = materializeFile(step.file, this.#keys, (type) =>
      this.#worlds.sample
        .created(CASE_TENANT)
        .filter((entity) => entity.type === type)
        .map((entity) => entity.key),
    );
    const handle = `p${index + 1}`;
    this.#sent.push(handle);
    const via =
      step.file.via === 'json' && file.jsonBody && step.flaw === 'none' ? 'json' : 'multipart';
    const batch = this.#batchOf[index] ?? null;
    const requestId = step.requestId ? this.#newRequestId() : null;
    const request: UploadRequest = {
      handle,
      tenant: tenantOf(step.flaw),
      tokenSent: step.flaw !== 'no-token',
      requestId,
      sourceName: 'import-harness',
      sourceRef: step.flaw === 'no-source-ref' ? null : (batch ?? `(default ${index})`),
      body:
        via === 'json'
          ? { via, document: contentDocument(file.content, FIXTURES_DIR, '{run}') }
          : { via, bytes: contentBytes(file.content, FIXTURES_DIR, '{run}') },
    };
    const answer = this.#worlds.upload(request);
    const named = answer.accepted === 'all';
    if (named) this.#named.push(handle);

    const upload = {
      ...(named ? { process: handle } : {}),
      ...file.content,
      ...(via === 'json' ? { via: 'json' as const } : {}),
      ...(batch === null ? {} : { sourceRef: batch }),
      ...(step.flaw === 'no-source-ref' ? { sourceRef: null } : {}),
      ...(step.flaw === 'no-tenant' ? { tenant: null } : {}),
      ...(step.flaw === 'other-tenant' ? { tenant: OTHER_TENANT } : {}),
      ...(step.flaw === 'no-token' ? { token: null } : {}),
      ...(requestId === null ? {} : { requestId }),
      expect: expectation(answer),
    };
    const uploadStep: ScenarioStep = { upload };
    this.#log.push(uploadStep, [via === 'json' ? 'H-8' : 'H-1', 'T-1', ...file.rules], 'upload');
    if (requestId !== null) this.#uploadsWithIds.push({ step: uploadStep, request });
    if (named) this.#check(handle);
  }

  /** The same request id again, with the same file: the first answer comes back. */
  #repostUpload(of: number): void {
    const earlier = pick(this.#uploadsWithIds, of);
    if (earlier === undefined || !('upload' in earlier.step)) return;
    const index = this.#uploads++;
    const handle = `p${index + 1}`;
    this.#sent.push(handle);
    const { process: _name, sourceRef: _ref, ...upload } = earlier.step.upload;
    const request = { ...earlier.request, handle, sourceRef: `(default ${index})` };
    const answer = this.#worlds.upload(request);
    const named = answer.accepted === 'all';
    if (named) this.#named.push(handle);
    this.#log.push(
      { upload: { ...(named ? { process: handle } : {}), ...upload, expect: expectation(answer) } },
      ['H-1', 'x-request-id'],
      'upload with a repeated x-request-id',
    );
    if (named) this.#check(handle);
  }

  #readUnknown(): void {
    const answer = this.#worlds.read('DIM-0', { tenant: null, tokenSent: true });
    this.#log.push({ status: { id: 'DIM-0', expect: expectation(answer) } }, ['H-2'], 'unknown id');
  }

  #read(process: string, as: 'owner' | 'other-tenant' | 'no-token'): void {
    if (as === 'owner') return this.#check(process);
    const answer = this.#worlds.read(process, {
      tenant: as === 'other-tenant' ? OTHER_TENANT : null,
      tokenSent: as !== 'no-token',
    });
    const headers = as === 'other-tenant' ? { tenant: OTHER_TENANT } : { token: null };
    this.#log.push(
      { status: { process, ...headers, expect: expectation(answer) } },
      ['H-2'],
      `read as ${as}`,
    );
  }

  #act(process: string, choice: ActionChoice, withId: boolean, as: 'owner' | 'other-tenant'): void {
    const action = this.#resolve(process, choice);
    const requestId = withId ? this.#newRequestId() : null;
    if (requestId !== null) this.#actsWithIds.push({ process, action, requestId });
    this.#perform(process, action, requestId, as);
  }

  #repostAct(of: number): void {
    const earlier = pick(this.#actsWithIds, of);
    if (earlier === undefined) return;
    this.#perform(earlier.process, earlier.action, earlier.requestId, 'owner', 'x-request-id');
  }

  #perform(
    process: string,
    action: ActionName,
    requestId: string | null,
    as: 'owner' | 'other-tenant',
    extraRule?: string,
  ): void {
    const tenant = as === 'owner' ? null : OTHER_TENANT;
    const before = this.#worlds.sample.process(process)?.transitions.length ?? 0;
    const answer = this.#worlds.act(process, action, { tenant, tokenSent: true, requestId });
    const after = this.#worlds.sample.process(process)?.transitions.slice(before) ?? [];
    const body = {
      process,
      ...(requestId === null ? {} : { requestId }),
      ...(tenant === null ? {} : { tenant }),
      expect: expectation(answer),
    };
    const rules = [ACTION_RULE[action], ...after, ...(answer.http === 400 ? ['D-1'] : [])];
    this.#log.push(
      { [action]: body } as ScenarioStep,
      [...rules, ...(extraRule === undefined ? [] : [extraRule])],
      action,
    );
    if (as === 'owner' && answer.http === 200) this.#check(process);
  }

  #race(process: string, choices: readonly ActionChoice[]): void {
    const actions = choices.map((choice) => this.#resolve(process, choice));
    // The runner sends racing actions without a tenant header.
    const wins = this.#worlds.race(process, actions);
    // A race whose number of winners depends on the order of arrival cannot be expected.
    if (wins === null) return;
    this.#log.push({ race: { process, actions, wins } }, ['D-2'], `race of ${actions.join(', ')}`);
    this.#check(process);
  }

  /** A status read with every field all possible worlds agree on. */
  #check(process: string): void {
    const answer = this.#worlds.read(process, { tenant: null, tokenSent: true });
    const view: AgreedView = answer.view ?? {};

    // Step 1: what the status rests on, since the last check, and what it must show.
    const all = this.#worlds.sample.process(process)?.transitions ?? [];
    const transitions = all.slice(this.#checked.get(process) ?? 0);
    this.#checked.set(process, all.length);
    const problems =
      this.#worlds.sample.process(process)?.entities.flatMap((e) => e.problems) ?? [];
    const { rules, step } = statusCheck(
      process,
      view,
      transitions,
      problems.map((problem) => problem.rule),
    );

    // Step 2: a provider moves on at its own pace: wait for the status the process will rest
    // in. When that depends on the order a race arrived in, later steps leave it alone.
    if (!this.#options.control) {
      if (view.status === undefined) {
        this.#named.splice(this.#named.indexOf(process), 1);
        return;
      }
      const wait = { process, for: view.status, timeout: PROVIDER_WAIT_MS };
      this.#log.push({ wait }, rules, `wait for ${process}`);
    }

    // Step 3: the check of everything every possible world agrees on.
    this.#log.push(step, rules, `check ${process}`);
  }

  #created(): void {
    const { entities, exactly } = this.#worlds.created(CASE_TENANT);
    this.#log.push(
      { created: { entities, ...(exactly ? {} : { exactly: false }) } },
      ['C-3'],
      'entities created in the tenant',
    );
  }

  #resolve(process: string, choice: ActionChoice): ActionName {
    if (choice.action !== 'allowed') return choice.action;
    const allowed = this.#worlds.sample.allowedActions(process);
    return pick(allowed, choice.pick) ?? (pick(ACTION_NAMES, choice.pick) as ActionName);
  }

  #newRequestId(): string {
    this.#requestIds += 1;
    return `req-${this.#requestIds}-{run}`;
  }
}

const DEFAULT_SEMANTICS: CasePlan['semantics'] = {
  sameFileReferences: false,
  discardFromFailed: 'keep-created',
};
/** How long a case waits for a provider's process to come to rest. */
const PROVIDER_WAIT_MS = 60_000;
