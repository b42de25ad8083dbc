import type { EntityType } from './entity-types.js';

/** The field by which an entity refers to another, and the type it refers to. */
export interface EntityReference {
  readonly field: string;
  readonly type: EntityType;
}

/** Accounts and contracts refer to a person, transactions to an account; persons to nothing. */
export const ENTITY_REFERENCES: Readonly<Partial<Record<EntityType, EntityReference>>> = {
  'ACCOUNT.ACCOUNT': { type: 'PERSON.PERSON', field: 'externalPersonId' },
  'ACCOUNT.ACCOUNT_TRANSACTION': { type: 'ACCOUNT.ACCOUNT', field: 'externalAccountId' },
  'LOAN.CONTRACT': { type: 'PERSON.PERSON', field: 'externalPersonId' },
};

/** The entity another one depends on, from the key its reference field holds. */
export function referencedEntity(entity: {
  readonly type: EntityType;
  readonly reference: string | null;
}): { readonly type: EntityType; readonly key: string } | null {
  const target = ENTITY_REFERENCES[entity.type];
  if (target === undefined || entity.reference === null) return null;
  return { type: target.type, key: entity.reference };
}
