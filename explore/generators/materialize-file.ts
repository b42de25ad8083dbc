/**
 * Turns a file plan into the content of an upload step: keys and references resolved against
 * the case's key book, defects applied, collections or a bare array written out.
 */
import type { ScenarioContent } from '../../scenarios/format/scenario-schema.js';
import type { FilePlan, ReferenceChoice } from './case-plan.js';
import type { EntityType } from './entity-defect.js';
import { entityDefect } from './entity-defects.js';
import { pick, type KeyBook } from './key-book.js';
import { technicalDefect, type Collections } from './technical-defects.js';

type Data = Record<string, unknown>;

const FIELDS: Readonly<Record<EntityType, { key: string; collection: keyof Collections }>> = {
  'PERSON.PERSON': { key: 'externalPersonId', collection: 'persons' },
  'ACCOUNT.ACCOUNT': { key: 'externalAccountId', collection: 'accounts' },
  'ACCOUNT.ACCOUNT_TRANSACTION': {
    key: 'externalAccountTransactionId',
    collection: 'transactions',
  },
  'LOAN.CONTRACT': { key: 'externalContractId', collection: 'contracts' },
};

/** The field an entity refers by, and the type it refers to. */
export const REFERENCE: Readonly<Partial<Record<EntityType, { field: string; type: EntityType }>>> =
  {
    'ACCOUNT.ACCOUNT': { field: 'externalPersonId', type: 'PERSON.PERSON' },
    'ACCOUNT.ACCOUNT_TRANSACTION': { field: 'externalAccountId', type: 'ACCOUNT.ACCOUNT' },
    'LOAN.CONTRACT': { field: 'externalPersonId', type: 'PERSON.PERSON' },
  };

export interface MaterializedFile {
  readonly content: ScenarioContent;
  /** Whether the content can go as an H-8 JSON body. */
  readonly jsonBody: boolean;
  /** Rule ids the file's defects were chosen to break. */
  readonly rules: readonly string[];
}

/**
 * @param existing the keys of a type the tenant holds now, as the oracle sees it
 */
export function materializeFile(
  plan: FilePlan,
  keys: KeyBook,
  existing: (type: EntityType) => readonly string[],
): MaterializedFile {
  const inFile: Record<EntityType, string[]> = {
    'PERSON.PERSON': [],
    'ACCOUNT.ACCOUNT': [],
    'ACCOUNT.ACCOUNT_TRANSACTION': [],
    'LOAN.CONTRACT': [],
  };
  const rules = new Set<string>();
  const list: Data[] = [];
  const collections: Record<string, Data[]> = {};

  // Step 1: each entity with its key, its reference, and its defect if it has one.
  for (const entity of plan.entities) {
    const key =
      entity.key.kind === 'new'
        ? keys.newKey(entity.type)
        : (keys.usedKey(entity.type, entity.key.index, inFile[entity.type]) ??
          keys.newKey(entity.type));
    if (entity.key.kind === 'reuse') rules.add(entity.type === 'PERSON.PERSON' ? 'V-6' : 'V-10');
    let data: Data = { ...entity.body, [FIELDS[entity.type].key]: key };
    const reference = REFERENCE[entity.type];
    if (reference !== undefined) {
      data[reference.field] = referenceKey(
        entity.reference,
        reference.type,
        keys,
        inFile,
        existing,
      );
      if (entity.reference.kind === 'unknown' || entity.reference.kind === 'same-file') {
        rules.add(
          { 'ACCOUNT.ACCOUNT': 'V-7', 'LOAN.CONTRACT': 'V-9' }[entity.type as string] ?? 'V-8',
        );
      }
    }
    if (entity.defect !== null) {
      const defect = entityDefect(entity.defect);
      data = defect.apply(data);
      rules.add(defect.rule);
    }
    inFile[entity.type].push(key);
    list.push(data);
    (collections[FIELDS[entity.type].collection] ??= []).push(data);
  }
  keys.recordFile(inFile);

  // Step 2: the file as written, or broken so that it cannot be read at all.
  const ordered: Collections = Object.fromEntries(
    (['persons', 'accounts', 'transactions', 'contracts'] as const)
      .filter((name) => collections[name] !== undefined)
      .map((name) => [name, collections[name]]),
  );
  if (plan.technical !== null) {
    const defect = technicalDefect(plan.technical);
    return { content: defect.content(ordered), jsonBody: defect.viaJson, rules: ['T-3'] };
  }
  if (plan.shape === 'bare-array')
    return { content: { json: list }, jsonBody: false, rules: [...rules] };
  return { content: { json: ordered }, jsonBody: true, rules: [...rules] };
}

function referenceKey(
  choice: ReferenceChoice,
  type: EntityType,
  keys: KeyBook,
  inFile: Readonly<Record<EntityType, readonly string[]>>,
  existing: (type: EntityType) => readonly string[],
): string {
  const unknown = keys.unknownKey(type, choice.index);
  const held = pick(existing(type), choice.index);
  const earlier = pick(keys.earlier[type], choice.index);
  // A choice that has nothing to name falls back to what exists, so references mostly resolve.
  if (choice.kind === 'existing') return held ?? earlier ?? unknown;
  if (choice.kind === 'earlier') return earlier ?? held ?? unknown;
  if (choice.kind === 'same-file') return pick(inFile[type], choice.index) ?? unknown;
  return unknown;
}
