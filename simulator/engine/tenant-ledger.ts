import type { EntityType } from '../../model/entity-types.js';
import type { CreatedEntity, TenantView } from '../../model/tenant-view.js';

/** The entities created in each tenant, as the target APIs would hold them. */
export class TenantLedger {
  readonly #tenants = new Map<string, Map<string, CreatedEntity>>();
  #size = 0;

  /** Entities across all tenants. */
  get size(): number {
    return this.#size;
  }

  view(tenant: string): TenantView {
    // Reading never creates a tenant: asking about unknown tenants must not grow the ledger.
    return { has: (type, key) => this.#tenants.get(tenant)?.has(ledgerKey(type, key)) === true };
  }

  add(tenant: string, entity: CreatedEntity): void {
    const entities = this.#tenant(tenant);
    const key = ledgerKey(entity.type, entity.key);
    if (!entities.has(key)) this.#size += 1;
    entities.set(key, entity);
  }

  remove(tenant: string, entity: { type: EntityType; key: string }): void {
    if (this.#tenants.get(tenant)?.delete(ledgerKey(entity.type, entity.key)) === true) {
      this.#size -= 1;
    }
  }

  list(tenant: string): CreatedEntity[] {
    return [...(this.#tenants.get(tenant)?.values() ?? [])];
  }

  clear(): void {
    this.#tenants.clear();
    this.#size = 0;
  }

  #tenant(tenant: string): Map<string, CreatedEntity> {
    let entities = this.#tenants.get(tenant);
    if (entities === undefined) {
      entities = new Map();
      this.#tenants.set(tenant, entities);
    }
    return entities;
  }
}

function ledgerKey(type: EntityType, key: string): string {
  return `${type}\u0000${key}`;
}
