/** Every controlled entity defect, and how to pick one. */
import fc from 'fast-check';
import { ACCOUNT_DEFECTS } from './account-defects.js';
import { CONTRACT_DEFECTS } from './contract-defects.js';
import type { EntityDefect, EntityType } from './entity-defect.js';
import { PERSON_DEFECTS } from './person-defects.js';
import { TRANSACTION_DEFECTS } from './transaction-defects.js';

export const ENTITY_DEFECTS: readonly EntityDefect[] = [
  ...PERSON_DEFECTS,
  ...ACCOUNT_DEFECTS,
  ...TRANSACTION_DEFECTS,
  ...CONTRACT_DEFECTS,
];

export function entityDefect(id: string): EntityDefect {
  const defect = ENTITY_DEFECTS.find((candidate) => candidate.id === id);
  if (defect === undefined) throw new Error(`no entity defect ${JSON.stringify(id)}`);
  return defect;
}

/** A defect for entities of one type; disputed defects only when asked for. */
export function entityDefectArbitrary(
  type: EntityType,
  options: { disputed?: boolean } = {},
): fc.Arbitrary<EntityDefect> {
  const defects = ENTITY_DEFECTS.filter(
    (defect) =>
      defect.type === type && (options.disputed === true || defect.disputed === undefined),
  );
  return fc.constantFrom(...defects);
}
