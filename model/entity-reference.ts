import type { EntityType } from './entity-types.js';

/** The entity another entity depends on: an account's or contract's person, a transaction's account. */
export function referencedEntity(
  type: EntityType,
  data: Readonly<Record<string, unknown>>,
): { readonly type: EntityType; readonly key: string } | null {
  const target = REFERENCES[type];
  if (target === null) return null;

  const key = data[target.field];
  return typeof key === 'string' && key !== '' ? { type: target.type, key } : null;
}

const REFERENCES: Readonly<Record<EntityType, { type: EntityType; field: string } | null>> = {
  'PERSON.PERSON': null,
  'ACCOUNT.ACCOUNT': { type: 'PERSON.PERSON', field: 'externalPersonId' },
  'ACCOUNT.ACCOUNT_TRANSACTION': { type: 'ACCOUNT.ACCOUNT', field: 'externalAccountId' },
  'LOAN.CONTRACT': { type: 'PERSON.PERSON', field: 'externalPersonId' },
};
