import { referencedEntity } from './entity-reference.js';
import type { ImportEntity, ImportProcess } from './import-process.js';
import type { ModelContext, StepResult } from './model-context.js';
import { recordTransition } from './record-transition.js';
import { withState } from './tracked-entity.js';
import type { ProcessStatus } from './statuses.js';
import type { CreatedEntity } from './tenant-view.js';

/** The four client actions on a suspended process (H-3 … H-6). */
export const ACTIONS = [
  'discard',
  'discard-rejected-entities',
  'discard-failed-entities',
  'retry',
] as const;

export type Action = (typeof ACTIONS)[number];

/** The statuses from which each action is allowed; from any other it is refused (D-1). */
export const ACTION_ALLOWED_FROM: Readonly<Record<Action, readonly ProcessStatus[]>> = {
  discard: ['REJECTED', 'FAILED'],
  'discard-rejected-entities': ['REJECTED'],
  'discard-failed-entities': ['FAILED'],
  retry: ['FAILED'],
};

export interface ActionRefusal {
  readonly code: 'err.importProcessStatusInvalid';
  readonly action: Action;
  readonly status: ProcessStatus;
  readonly message: string;
}

export type ActionResult =
  | { readonly ok: true; readonly step: StepResult }
  | { readonly ok: false; readonly refusal: ActionRefusal };

/**
 * Applies a client action to a process: T-12 … T-16, or a refusal that changes nothing (D-1).
 */
export function applyAction(
  process: ImportProcess,
  action: Action,
  context: ModelContext,
): ActionResult {
  const allowed = ACTION_ALLOWED_FROM[action];
  if (!allowed.includes(process.status)) {
    const message =
      `Cannot ${action} import process ${process.id}: it is ${process.status}, and ${action} ` +
      `is allowed only from ${allowed.join(' or ')}.`;
    return {
      ok: false,
      refusal: { code: 'err.importProcessStatusInvalid', action, status: process.status, message },
    };
  }
  return { ok: true, step: perform(process, action, context) };
}

function perform(process: ImportProcess, action: Action, context: ModelContext): StepResult {
  const { now } = context;
  const done = (
    next: ImportProcess,
    transition: StepResult['transition'],
    removed: readonly CreatedEntity[] = [],
  ): StepResult => ({ process: next, transition, created: [], removed, faults: context.faults });
  const entities = process.entities;

  // T-12: a full discard from REJECTED; nothing was sent, so nothing exists to keep.
  if (action === 'discard' && process.status === 'REJECTED') {
    const discarded = entities.map((entity) => withStatus(entity, 'DISCARDED'));
    return done(
      recordTransition(process, 'T-12', 'DISCARDED', now, { entities: discarded }),
      'T-12',
    );
  }

  // T-14: a full discard from FAILED; created entities stay unless the option rolls them back.
  if (action === 'discard') {
    const rollback = context.options.discardFromFailed === 'rollback';
    const removed: CreatedEntity[] = [];
    const discarded = entities.map((entity) => {
      if (entity.status !== 'CREATED') return withStatus(entity, 'DISCARDED');
      if (!rollback) return entity;
      const reference = referencedEntity(entity)?.key ?? null;
      removed.push({ type: entity.type, key: entity.key, processId: process.id, reference });
      return withStatus(entity, 'DISCARDED');
    });
    const next = recordTransition(process, 'T-14', 'DISCARDED', now, { entities: discarded });
    return done(next, 'T-14', removed);
  }

  // T-13: invalid entities are discarded; the valid rest goes on, if there is any.
  if (action === 'discard-rejected-entities') {
    const next = entities.map((entity) =>
      entity.status === 'INVALID' ? withStatus(entity, 'DISCARDED') : entity,
    );
    const anyValid = next.some((entity) => entity.status === 'VALID');
    const to = anyValid ? 'PARTIALLY_APPROVED' : 'DISCARDED';
    return done(recordTransition(process, 'T-13', to, now, { entities: next }), 'T-13');
  }

  // T-15: entities not created are discarded; the process is partially done if any exists.
  if (action === 'discard-failed-entities') {
    const next = entities.map((entity) =>
      entity.status === 'NOT_CREATED' ? withStatus(entity, 'DISCARDED') : entity,
    );
    const anyCreated = next.some((entity) => entity.status === 'CREATED');
    const to = anyCreated ? 'PARTIALLY_DONE' : 'DISCARDED';
    return done(recordTransition(process, 'T-15', to, now, { entities: next }), 'T-15');
  }

  // T-16: only the entities not created are sent again, and each such send counts (C-4).
  const resent = entities.map((entity): ImportEntity =>
    entity.status === 'NOT_CREATED'
      ? withState(entity, {
          status: 'SENT',
          sends: entity.sends + 1,
          retrySends: entity.retrySends + 1,
        })
      : entity,
  );
  return done(recordTransition(process, 'T-16', 'SENDING', now, { entities: resent }), 'T-16');
}

function withStatus(entity: ImportEntity, status: ImportEntity['status']): ImportEntity {
  return withState(entity, { status });
}
