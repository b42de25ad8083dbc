import type { EntityType } from '../../model/entity-types.js';
import type { CreatedEntity, TenantView } from '../../model/tenant-view.js';

/** The entities created in each tenant, as the target APIs would hold them. */
export class TenantLedger {
  readonly #tenants = new Map<string, Map<string, CreatedEntity>>();

  view(tenant: string): TenantView {
    return { has: (type, key) => this.#tenant(tenant).has(ledgerKey(type, key)) };
  }

  add(tenant: string, entity: CreatedEntity): void {
    this.#tenant(tenant).set(ledgerKey(entity.type, entity.key), entity);
  }

  remove(tenant: string, entity: { type: EntityType; key: string }): void {
    this.#tenant(tenant).delete(ledgerKey(entity.type, entity.key));
  }

  list(tenant: string): CreatedEntity[] {
    return [...this.#tenant(tenant).values()];
  }

  clear(): void {
    this.#tenants.clear();
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
