import { DISPATCH_ORDER, type EntityType } from './entity-types.js';
import { ENTITY_REFERENCES } from './entity-reference.js';
import { faultRuleMatches, faultRuleRefuses, type FaultRule } from './fault-rule.js';
import type { ImportEntity, ImportProcess } from './import-process.js';
import type { ModelContext, StepResult } from './model-context.js';
import { recordTransition } from './record-transition.js';
import { withState } from './tracked-entity.js';
import type { CreatedEntity } from './tenant-view.js';

/**
 * T-9, T-10, T-11: the answers of the target APIs arrive as `SENDING` ends. Sent entities are
 * created or refused in dependency order, so an account sees the person created just before
 * it. A send is refused by a matching fault rule, by a key that exists in the tenant by now
 * (another process created it after this one was validated), or by a reference that does
 * not exist (its person was refused in this same dispatch).
 */
export function resolveDispatch(process: ImportProcess, context: ModelContext): StepResult {
  let faults = context.faults;
  const createdNow = new Map<EntityType, Set<string>>(
    DISPATCH_ORDER.map((type) => [type, new Set()]),
  );
  const created: CreatedEntity[] = [];
  const exists = (type: EntityType, key: string): boolean =>
    context.tenant.has(type, key) || createdNow.get(type)?.has(key) === true;

  const entities = [...process.entities];
  for (const type of DISPATCH_ORDER) {
    entities.forEach((entity, index) => {
      if (entity.type !== type || entity.status !== 'SENT') return;

      // Every matching rule counts the send; any one of them may refuse it.
      const outcome = applyFaultRules(faults, entity);
      faults = outcome.faults;
      const refusal =
        outcome.refusedBy !== null
          ? `refused by fault rule ${outcome.refusedBy}`
          : refusalFromTenant(entity, exists);

      if (refusal !== null) {
        entities[index] = withState(entity, { status: 'NOT_CREATED', lastSend: 'nacked', refusal });
        return;
      }
      createdNow.get(entity.type)?.add(entity.key);
      created.push({
        type: entity.type,
        key: entity.key,
        processId: process.id,
        reference: entity.reference,
      });
      entities[index] = withState(entity, { status: 'CREATED', lastSend: 'acked', refusal: null });
    });
  }

  // The outcome: any entity not created suspends the process; otherwise it is done.
  const failed = entities.some((entity) => entity.status === 'NOT_CREATED');
  const someDiscarded = entities.some((entity) => entity.status === 'DISCARDED');
  const [transition, to] = failed
    ? (['T-11', 'FAILED'] as const)
    : someDiscarded
      ? (['T-10', 'PARTIALLY_DONE'] as const)
      : (['T-9', 'DONE'] as const);
  const next = recordTransition(process, transition, to, context.now, { entities });
  return { process: next, transition, created, removed: [], faults };
}

function applyFaultRules(
  faults: readonly FaultRule[],
  entity: ImportEntity,
): { faults: readonly FaultRule[]; refusedBy: string | null } {
  // Without rules, as in most dispatches of millions, a send costs no allocation here.
  if (faults.length === 0) return NO_RULES;
  let refusedBy: string | null = null;
  const updated = faults.map((rule) => {
    if (!faultRuleMatches(rule, entity)) return rule;
    const sends = rule.sends + 1;
    if (refusedBy === null && faultRuleRefuses(rule, sends)) refusedBy = rule.id;
    return { ...rule, sends };
  });
  return { faults: updated, refusedBy };
}

const NO_RULES = { faults: [], refusedBy: null } as const;

function refusalFromTenant(
  entity: ImportEntity,
  exists: (type: EntityType, key: string) => boolean,
): string | null {
  if (exists(entity.type, entity.key)) {
    return `${entity.key} already exists in the tenant`;
  }
  const target = ENTITY_REFERENCES[entity.type]?.type;
  if (target !== undefined && entity.reference !== null && !exists(target, entity.reference)) {
    return `${target} ${entity.reference} does not exist in the tenant`;
  }
  return null;
}
