import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import { ENTITY_TYPE_INFO, ENTITY_TYPES, type EntityType } from '../model/entity-types.js';
import type { TenantView } from '../model/tenant-view.js';
import { isRecord } from '../model/validation/json-values.js';

/**
 * The entities a tenant holds, as far as `validate` knows: those of `--tenant-state`, then
 * those of every file judged ready to send, which the files after it may refer to.
 */
export class TenantState implements TenantView {
  readonly #keys = new Map<EntityType, Set<string>>(
    ENTITY_TYPES.map((type) => [type, new Set<string>()]),
  );

  has(type: EntityType, key: string): boolean {
    return this.#keys.get(type)?.has(key) ?? false;
  }

  add(type: EntityType, key: string): void {
    this.#keys.get(type)?.add(key);
  }

  /** Entities held, of every type. */
  get size(): number {
    let total = 0;
    for (const keys of this.#keys.values()) total += keys.size;
    return total;
  }
}

const key = z.string().min(1);

/** The control API's `GET /__simulator/tenants/{tenant}/entities`, without its envelope. */
const entityList = z.looseObject({
  entities: z.array(z.looseObject({ type: z.enum(ENTITY_TYPES), key })),
});

/** The same answer with its envelope, as saved from the control API. */
const controlAnswer = z.looseObject({ data: entityList });

/** `{"persons": ["P-1"], "accounts": […], …}`: the keys of each collection. */
const keyLists = z.strictObject(
  Object.fromEntries(
    ENTITY_TYPES.map((type) => [ENTITY_TYPE_INFO[type].collection, z.array(key).optional()]),
  ),
);

const HOW_TO_FIX =
  'Give the control API answer of GET /__simulator/tenants/{tenant}/entities as saved ' +
  '(e.g. curl -s http://127.0.0.1:4010/__simulator/tenants/MB/entities > tenant.json), or ' +
  'an object of key lists such as {"persons": ["P-1"], "accounts": ["A-1"], ' +
  '"transactions": [], "contracts": []}';

/** Shown issues at most; a file with a systematic mistake would repeat one for every entity. */
const SHOWN_ISSUES = 5;

/** Reads `--tenant-state FILE`; a file that is not one of the accepted shapes is refused. */
export function loadTenantState(file: string): TenantState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(`Cannot read the --tenant-state file ${file}: ${messageOf(cause)}.`, {
      cause,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ConfigError(
      `The --tenant-state file ${file} is not JSON (${messageOf(cause)}). ${HOW_TO_FIX}.`,
      { cause },
    );
  }
  return parseTenantState(value, file);
}

/**
 * The tenant state a parsed `--tenant-state` file describes. The shape is told by its
 * top-level key, so that the issues shown are those of the shape the user meant.
 */
export function parseTenantState(value: unknown, file: string): TenantState {
  if (isRecord(value) && 'data' in value) return fromList(check(controlAnswer, value, file).data);
  if (isRecord(value) && 'entities' in value) return fromList(check(entityList, value, file));
  return fromKeyLists(check(keyLists, value, file));
}

function check<T extends z.ZodType>(schema: T, value: unknown, file: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    `Invalid --tenant-state file ${file}: ${describeIssues(parsed.error.issues)}. ${HOW_TO_FIX}.`,
  );
}

function fromList(list: z.infer<typeof entityList>): TenantState {
  const state = new TenantState();
  for (const entity of list.entities) state.add(entity.type, entity.key);
  return state;
}

function fromKeyLists(lists: Readonly<Record<string, readonly string[] | undefined>>): TenantState {
  const state = new TenantState();
  for (const type of ENTITY_TYPES) {
    for (const entityKey of lists[ENTITY_TYPE_INFO[type].collection] ?? []) {
      state.add(type, entityKey);
    }
  }
  return state;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => {
    const path = issue.path.map((part) =>
      typeof part === 'number' ? `[${part}]` : `.${String(part)}`,
    );
    const where = path.join('').replace(/^\./, '') || '(top level)';
    return `${where}: ${issue.message}`;
  });
  const more = issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
