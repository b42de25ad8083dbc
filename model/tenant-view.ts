import type { EntityType } from './entity-types.js';

/** A created entity, as it exists in a tenant. */
export interface CreatedEntity {
  readonly type: EntityType;
  readonly key: string;
  /** The import process that created it. */
  readonly processId: string;
  /** For accounts and contracts: the person; for transactions: the account. */
  readonly reference: string | null;
}

/** What the model may ask about a tenant: which entities it already holds. */
export interface TenantView {
  has(type: EntityType, key: string): boolean;
}
