/**
 * The automatic part of a process's life (sections 4, 6, 7, 8, 10), as a client sees it in
 * `instant` pace: from each change it runs on until it is suspended or final.
 */
import { judgeFile } from './judge-file.js';
import type { FileReading } from './read-import-file.js';
import {
  TYPE_FACTS,
  TYPES_IN_ORDER,
  type EntityType,
  type OracleEntity,
  type OracleFault,
  type OracleProcess,
  type WorldState,
} from './oracle-state.js';

/** T-2…T-11 after an upload: technical validation, data validation, dispatch. */
export function settleUpload(world: WorldState, process: OracleProcess, file: FileReading): void {
  process.transitions.push('T-2');
  if (!file.ok) {
    process.status = 'ERROR';
    process.transitions.push('T-3');
    releaseBatch(world, process);
    return;
  }
  process.transitions.push('T-4', 'T-5');
  process.entities = file.entities.map((entity) => ({
    ...entity,
    state: 'PENDING',
    problems: [],
    sends: 0,
    retrySends: 0,
    last: null,
  }));

  // Data validation is judged against the tenant as it is when validation ends.
  const problems = judgeFile(file.entities, existsIn(world, process.tenant), world.options);
  process.validated = true;
  process.entities.forEach((entity, index) => {
    entity.problems = problems[index] ?? [];
    entity.state = entity.problems.length > 0 ? 'INVALID' : 'VALID';
  });
  if (process.entities.some((entity) => entity.state === 'INVALID')) {
    process.status = 'REJECTED';
    process.transitions.push('T-6');
    return;
  }
  process.status = 'APPROVED';
  process.transitions.push('T-7');
  dispatch(world, process, 'VALID');
}

/**
 * T-8 then T-9…T-11: the entities in state `from` are sent, and answered in dependency order
 * as SENDING ends. A send is refused by a fault rule, by a key the tenant holds by now, or by
 * a reference the tenant does not hold (section 10).
 */
export function dispatch(
  world: WorldState,
  process: OracleProcess,
  from: 'VALID' | 'NOT_CREATED',
): void {
  // Step 1: send (T-8 from APPROVED / PARTIALLY_APPROVED; a retry has already said SENDING).
  if (from === 'VALID') process.transitions.push('T-8');
  process.status = 'SENDING';
  process.dispatched = true;
  for (const entity of process.entities) {
    if (entity.state !== from) continue;
    entity.state = 'SENT';
    entity.sends += 1;
    if (from === 'NOT_CREATED') entity.retrySends += 1;
  }

  // Step 2: the answers, persons first.
  const exists = existsIn(world, process.tenant);
  for (const type of TYPES_IN_ORDER) {
    for (const entity of process.entities) {
      if (entity.type !== type || entity.state !== 'SENT') continue;
      const refusedByFault = countSend(world.faults, entity);
      const reference = referenceOf(entity);
      const conflict =
        exists(entity.type, entity.key) ||
        (reference !== null && !exists(reference.type, reference.key));
      if (refusedByFault || conflict) {
        entity.state = 'NOT_CREATED';
        entity.last = 'nacked';
        continue;
      }
      entity.state = 'CREATED';
      entity.last = 'acked';
      world.entities.push({
        tenant: process.tenant,
        type: entity.type,
        key: entity.key,
        process: process.handle,
        reference: reference?.key ?? null,
      });
    }
  }

  // Step 3: the outcome.
  if (process.entities.some((entity) => entity.state === 'NOT_CREATED')) {
    process.status = 'FAILED';
    process.transitions.push('T-11');
  } else if (process.entities.some((entity) => entity.state === 'DISCARDED')) {
    process.status = 'PARTIALLY_DONE';
    process.transitions.push('T-10');
  } else {
    process.status = 'DONE';
    process.transitions.push('T-9');
  }
}

/** Whether a send is refused; every rule that matches the entity counts the send. */
function countSend(faults: OracleFault[], entity: OracleEntity): boolean {
  let refused = false;
  for (const fault of faults) {
    if (fault.type !== undefined && fault.type !== entity.type) continue;
    if (fault.key !== undefined && fault.key !== entity.key) continue;
    fault.sends += 1;
    if (fault.refuse === 'every' || fault.sends <= fault.refuse.first) refused = true;
  }
  return refused;
}

export function referenceOf(entity: {
  type: EntityType;
  data: Record<string, unknown>;
}): { type: EntityType; key: string } | null {
  const target = TYPE_FACTS[entity.type].refersTo;
  if (target === null) return null;
  const key = entity.data[target.field];
  return typeof key === 'string' && key !== '' ? { type: target.type, key } : null;
}

export function existsIn(
  world: WorldState,
  tenant: string,
): (type: EntityType, key: string) => boolean {
  return (type, key) =>
    world.entities.some((e) => e.tenant === tenant && e.type === type && e.key === key);
}

/** The batch is free again once its process ended in ERROR, or DISCARDED leaving nothing. */
export function releaseBatch(world: WorldState, process: OracleProcess): void {
  const left = world.entities.some((entity) => entity.process === process.handle);
  const ended = process.status === 'ERROR' || (process.status === 'DISCARDED' && !left);
  if (ended && world.claims[process.batch] === process.handle) delete world.claims[process.batch];
}
