/**
 * The four client actions on a suspended process (section 4, T-12…T-16), and the statuses
 * each is allowed from; from any other status an action changes nothing (D-1).
 */
import { dispatch, releaseBatch } from './process-life.js';
import type { OracleProcess, ProcessStatus, WorldState } from './oracle-state.js';

export const ACTION_NAMES = [
  'discard',
  'discard-rejected-entities',
  'discard-failed-entities',
  'retry',
] as const;

export type ActionName = (typeof ACTION_NAMES)[number];

export const ALLOWED_FROM: Readonly<Record<ActionName, readonly ProcessStatus[]>> = {
  discard: ['REJECTED', 'FAILED'],
  'discard-rejected-entities': ['REJECTED'],
  'discard-failed-entities': ['FAILED'],
  retry: ['FAILED'],
};

/**
 * Applies an allowed action: returns the status its own transition produced (what the
 * action answers), after which the process has run on to its next resting status.
 */
export function performAction(
  world: WorldState,
  process: OracleProcess,
  action: ActionName,
): ProcessStatus {
  const from = process.status;

  // T-12 / T-14: a full discard. From FAILED, created entities stay unless rolled back.
  if (action === 'discard') {
    const rollback = from === 'FAILED' && world.options.discardFromFailed === 'rollback';
    for (const entity of process.entities) {
      if (entity.state === 'CREATED' && !rollback) continue;
      entity.state = 'DISCARDED';
    }
    if (rollback) world.entities = world.entities.filter((e) => e.process !== process.handle);
    return end(world, process, from === 'REJECTED' ? 'T-12' : 'T-14', 'DISCARDED');
  }

  // T-13: invalid entities are discarded; the valid rest is sent, if there is any.
  if (action === 'discard-rejected-entities') {
    for (const entity of process.entities) {
      if (entity.state === 'INVALID') entity.state = 'DISCARDED';
    }
    if (!process.entities.some((entity) => entity.state === 'VALID')) {
      return end(world, process, 'T-13', 'DISCARDED');
    }
    process.status = 'PARTIALLY_APPROVED';
    process.transitions.push('T-13');
    dispatch(world, process, 'VALID');
    return 'PARTIALLY_APPROVED';
  }

  // T-15: entities not created are discarded.
  if (action === 'discard-failed-entities') {
    for (const entity of process.entities) {
      if (entity.state === 'NOT_CREATED') entity.state = 'DISCARDED';
    }
    const anyCreated = process.entities.some((entity) => entity.state === 'CREATED');
    return end(world, process, 'T-15', anyCreated ? 'PARTIALLY_DONE' : 'DISCARDED');
  }

  // T-16: only the entities not created are sent again.
  process.transitions.push('T-16');
  dispatch(world, process, 'NOT_CREATED');
  return 'SENDING';
}

function end(
  world: WorldState,
  process: OracleProcess,
  transition: string,
  status: ProcessStatus,
): ProcessStatus {
  process.status = status;
  process.transitions.push(transition);
  releaseBatch(world, process);
  return status;
}
