/**
 * The four entity types of the data import API and the facts the reference fixes about
 * each: the key field, the collection key in an import file, and the orders in which
 * status rows are listed and entities are dispatched.
 */

export const ENTITY_TYPES = [
  'PERSON.PERSON',
  'ACCOUNT.ACCOUNT',
  'ACCOUNT.ACCOUNT_TRANSACTION',
  'LOAN.CONTRACT',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntityTypeInfo {
  /** The field that holds the entity's external key. */
  readonly keyField: string;
  /** The collection key in an object-shaped import file. */
  readonly collection: string;
  /** The entity prefix of `err.<entity><Field><Problem>` codes. */
  readonly codePrefix: string;
}

export const ENTITY_TYPE_INFO: Readonly<Record<EntityType, EntityTypeInfo>> = {
  'PERSON.PERSON': { keyField: 'externalPersonId', collection: 'persons', codePrefix: 'person' },
  'ACCOUNT.ACCOUNT': {
    keyField: 'externalAccountId',
    collection: 'accounts',
    codePrefix: 'account',
  },
  'ACCOUNT.ACCOUNT_TRANSACTION': {
    keyField: 'externalAccountTransactionId',
    collection: 'transactions',
    codePrefix: 'transaction',
  },
  'LOAN.CONTRACT': {
    keyField: 'externalContractId',
    collection: 'contracts',
    codePrefix: 'contract',
  },
};

/** Dependency order: an entity may refer only to types before it (persons first). */
export const DISPATCH_ORDER: readonly EntityType[] = ENTITY_TYPES;

/** The documented order of rows in `validationStatus` and `dispatchStatus`. */
export const ROW_ORDER: readonly EntityType[] = [
  'ACCOUNT.ACCOUNT_TRANSACTION',
  'ACCOUNT.ACCOUNT',
  'LOAN.CONTRACT',
  'PERSON.PERSON',
];

/** Order in which a bare-array element is typed by the key fields it carries. */
export const BARE_ARRAY_TYPING_ORDER: readonly EntityType[] = [
  'ACCOUNT.ACCOUNT_TRANSACTION',
  'ACCOUNT.ACCOUNT',
  'LOAN.CONTRACT',
  'PERSON.PERSON',
];

const COLLECTION_TYPES: ReadonlyMap<string, EntityType> = new Map(
  ENTITY_TYPES.map((type) => [ENTITY_TYPE_INFO[type].collection, type]),
);

/** The type whose collection key in an object-shaped file is `key`; undefined for others. */
export function typeOfCollection(key: string): EntityType | undefined {
  return COLLECTION_TYPES.get(key);
}

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}
