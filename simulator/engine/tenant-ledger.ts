import type { EntityType } from '../../model/entity-types.js';
import type { CreatedEntity, TenantView } from '../../model/tenant-view.js';

/** One tenant's entities: a map per type, keyed by the entity's key. */
type TenantEntities = Map<EntityType, Map<string, CreatedEntity>>;

/** The entities created in each tenant, as the target APIs would hold them. */
export class TenantLedger {
  readonly #tenants = new Map<string, TenantEntities>();
  #size = 0;

  /** Entities across all tenants. */
  get size(): number {
    return this.#size;
  }

  view(tenant: string): TenantView {
    // Reading never creates a tenant: asking about unknown tenants must not grow the ledger.
    return { has: (type, key) => this.#tenants.get(tenant)?.get(type)?.has(key) === true };
  }

  add(tenant: string, entity: CreatedEntity): void {
    const entities = this.#ofType(tenant, entity.type);
    if (!entities.has(entity.key)) this.#size += 1;
    entities.set(entity.key, entity);
  }

  remove(tenant: string, entity: { type: EntityType; key: string }): void {
    if (this.#tenants.get(tenant)?.get(entity.type)?.delete(entity.key) === true) {
      this.#size -= 1;
    }
  }

  list(tenant: string): CreatedEntity[] {
    const entities = this.#tenants.get(tenant);
    if (entities === undefined) return [];
    return [...entities.values()].flatMap((ofType) => [...ofType.values()]);
  }

  clear(): void {
    this.#tenants.clear();
    this.#size = 0;
  }

  #ofType(tenant: string, type: EntityType): Map<string, CreatedEntity> {
    let entities = this.#tenants.get(tenant);
    if (entities === undefined) {
      entities = new Map();
      this.#tenants.set(tenant, entities);
    }
    let ofType = entities.get(type);
    if (ofType === undefined) {
      ofType = new Map();
      entities.set(type, ofType);
    }
    return ofType;
  }
}
