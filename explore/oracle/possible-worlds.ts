/**
 * The oracle when the order of concurrent requests is not known: a race's actions may arrive
 * in any order, so after a race the provider may be in one of several states. Each request
 * is predicted in every possible world, and only what all of them agree on is expected.
 */
import type { ActionName } from './client-actions.js';
import type { Answer, FaultSpec, RequestChoices, UploadRequest } from './oracle-world.js';
import { OracleWorld } from './oracle-world.js';
import type { OracleOptions, TenantEntity } from './oracle-state.js';
import type { StatusView } from './status-view.js';

/** What every possible world agrees a status read shows; fields they disagree on are absent. */
export interface AgreedView {
  readonly status?: StatusView['status'];
  readonly validation?: Partial<Record<string, Record<string, unknown>>>;
  readonly errors?: NonNullable<StatusView['errors']>;
  /** `null` when every world shows no dispatch yet. */
  readonly dispatch?: Partial<Record<string, Record<string, unknown>>> | null;
}

export class PossibleWorlds {
  #worlds: OracleWorld[];

  constructor(options: Partial<OracleOptions> = {}) {
    this.#worlds = [new OracleWorld(options)];
  }

  /** One world the provider may be in, for choices that need a concrete status. */
  get sample(): OracleWorld {
    return this.#worlds[0] as OracleWorld;
  }

  get count(): number {
    return this.#worlds.length;
  }

  addFault(fault: FaultSpec): void {
    for (const world of this.#worlds) world.addFault(fault);
  }

  upload(request: UploadRequest): Partial<Answer> & { readonly accepted: 'all' | 'some' | 'none' } {
    const answers = this.#worlds.map((world) => world.upload(request));
    const created = answers.filter(
      (answer) => answer.http === 202 && answer.process === request.handle,
    );
    const accepted =
      created.length === answers.length ? 'all' : created.length === 0 ? 'none' : 'some';
    return { ...agreedAnswer(answers), accepted };
  }

  read(
    handle: string,
    choices: Omit<RequestChoices, 'requestId'>,
  ): Partial<Answer> & { view?: AgreedView } {
    const answers = this.#worlds.map((world) => world.read(handle, choices));
    const views = answers.map((answer) => answer.view);
    const view = views.every((v): v is StatusView => v !== undefined)
      ? agreedView(views)
      : undefined;
    return { ...agreedAnswer(answers), ...(view === undefined ? {} : { view }) };
  }

  act(handle: string, action: ActionName, choices: RequestChoices): Partial<Answer> {
    return agreedAnswer(this.#worlds.map((world) => world.act(handle, action, choices)));
  }

  /**
   * Several actions on one process at the same moment (D-2): every order of arrival is a
   * possible world. Returns how many win, or null when that depends on the order.
   */
  race(
    handle: string,
    actions: readonly ActionName[],
    tenant: string | null = null,
  ): number | null {
    const outcomes: Array<{ world: OracleWorld; wins: number }> = [];
    for (const world of this.#worlds) {
      for (const order of permutations(actions)) {
        const copy = world.clone();
        const wins = order.filter(
          (action) =>
            copy.act(handle, action, { tenant, tokenSent: true, requestId: null }).http === 200,
        ).length;
        outcomes.push({ world: copy, wins });
      }
    }
    const wins = new Set(outcomes.map((outcome) => outcome.wins));
    if (wins.size !== 1) return null;
    this.#worlds = distinct(outcomes.map((outcome) => outcome.world));
    return [...wins][0] ?? null;
  }

  /** The transitions a process went through, when every world holds it and agrees. */
  transitions(handle: string): readonly string[] | null {
    const lists = this.#worlds.map((world) => world.process(handle)?.transitions);
    const first = lists[0];
    if (first === undefined) return null;
    const agreed = lists.every((list) => JSON.stringify(list) === JSON.stringify(first));
    return agreed ? [...first] : null;
  }

  /** Keys created in the tenant, by type; `exactly` is false when the worlds disagree. */
  created(tenant: string): { entities: Record<string, string[]>; exactly: boolean } {
    const perWorld = this.#worlds.map((world) => groupKeys(world.created(tenant)));
    const types = new Set(perWorld.flatMap((keys) => Object.keys(keys)));
    const entities: Record<string, string[]> = {};
    let exactly = true;
    for (const type of types) {
      const lists = perWorld.map((keys) => (keys[type] ?? []).sort());
      const agreed = lists.every((list) => JSON.stringify(list) === JSON.stringify(lists[0]));
      if (!agreed) exactly = false;
      const common = (lists[0] ?? []).filter((key) => lists.every((list) => list.includes(key)));
      if (common.length > 0) entities[type] = common;
    }
    return { entities, exactly };
  }
}

function agreedAnswer(answers: readonly Answer[]): Partial<Answer> {
  const agreed: Record<string, unknown> = {};
  for (const field of ['http', 'status', 'errors', 'process'] as const) {
    const values = answers.map((answer) => JSON.stringify(answer[field]));
    if (values.every((value) => value === values[0]) && answers[0]?.[field] !== undefined) {
      agreed[field] = answers[0][field];
    }
  }
  return agreed;
}

function agreedView(views: readonly StatusView[]): AgreedView {
  const same = <T>(pick: (view: StatusView) => T): boolean =>
    views.every(
      (view) => JSON.stringify(pick(view)) === JSON.stringify(pick(views[0] as StatusView)),
    );
  const first = views[0] as StatusView;
  const rows = (
    pick: (view: StatusView) => Readonly<Record<string, object>> | null,
  ): Partial<Record<string, Record<string, unknown>>> | undefined => {
    if (!views.every((view) => pick(view) !== null)) return undefined;
    const agreed: Record<string, Record<string, unknown>> = {};
    for (const type of Object.keys(pick(first) ?? {})) {
      for (const field of Object.keys(pick(first)?.[type] ?? {})) {
        const value = (view: StatusView): unknown =>
          (pick(view)?.[type] as Record<string, unknown> | undefined)?.[field];
        if (!same(value)) continue;
        agreed[type] = { ...agreed[type], [field]: value(first) };
      }
    }
    return agreed;
  };

  const dispatchNull = views.every((view) => view.dispatch === null);
  const dispatch = dispatchNull ? null : rows((view) => view.dispatch);
  const validation = rows((view) => view.validation);
  return {
    ...(same((view) => view.status) ? { status: first.status } : {}),
    ...(validation === undefined ? {} : { validation }),
    ...(first.errors !== null && same((view) => sortedErrors(view))
      ? { errors: first.errors }
      : {}),
    ...(dispatch === undefined ? {} : { dispatch }),
  };
}

function sortedErrors(view: StatusView): string[] | null {
  return view.errors === null ? null : view.errors.map((error) => JSON.stringify(error)).sort();
}

function groupKeys(entities: readonly TenantEntity[]): Record<string, string[]> {
  const keys: Record<string, string[]> = {};
  for (const entity of entities) (keys[entity.type] ??= []).push(entity.key);
  return keys;
}

function distinct(worlds: readonly OracleWorld[]): OracleWorld[] {
  const seen = new Map<string, OracleWorld>();
  for (const world of worlds) seen.set(world.fingerprint(), world);
  return [...seen.values()];
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}
