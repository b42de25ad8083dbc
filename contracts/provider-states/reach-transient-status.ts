import type { ControlClient } from '../../client/control-client.js';
import type { ProcessStatus } from '../../model/statuses.js';
import { StateSetupError } from '../errors/state-setup-error.js';
import { expectAnswer } from './expect-answer.js';
import { requireAtLeast, uploadPersons } from './reach-public-status.js';
import { requireControl } from './require-control.js';
import type { StateContext } from './state-context.js';

/** A pace slow enough that no process moves on its own while an interaction runs. */
export const HOLD_PACE_MS = 3_600_000;

/** Transitions from INSERTED to the furthest transient status, SENDING, plus spare. */
const MAX_ADVANCES = 12;

export interface TransientPlan {
  readonly tenant: string;
  readonly valid: number;
}

export interface HeldProcess {
  readonly id: string;
  /** Gives the simulator its pace back; runs after the interaction. */
  readonly release: () => Promise<void>;
}

/**
 * Holds a process in a transient status: the simulator's pace is slowed so nothing moves
 * by itself, the process is advanced through the control API, and the pace is restored at
 * teardown. Only a simulator can do this.
 */
export async function reachTransientStatus(
  context: StateContext,
  status: ProcessStatus,
  plan: TransientPlan,
): Promise<HeldProcess> {
  const control = requireControl(
    context,
    `${status} is transient: holding a process there needs a held pace and stepping`,
  );
  requireAtLeast(plan.valid, 1, 'valid', status);

  // Step 1: hold the pace, remembering the one in force.
  const before = expectAnswer(await control.readConfig(), 200, 'Reading the simulator pace').pace;
  if (before === undefined) {
    throw new StateSetupError('The simulator did not say its pace (GET /__simulator/config).');
  }
  expectAnswer(await control.configure({ pace: HOLD_PACE_MS }), 200, 'Holding the pace');
  const release = async (): Promise<void> => {
    expectAnswer(await control.configure({ pace: before }), 200, 'Restoring the pace');
  };

  // Step 2: upload and step the held process; PARTIALLY_APPROVED goes by REJECTED (T-13).
  try {
    const id = await uploadPersons(
      context,
      plan.tenant,
      plan.valid,
      status === 'PARTIALLY_APPROVED' ? 1 : 0,
    );
    if (status === 'PARTIALLY_APPROVED') {
      await advanceTo(control, id, 'REJECTED');
      const answer = await context.client.act('discard-rejected-entities', id);
      expectAnswer(answer, 200, `Discarding the rejected entities of ${id}`);
    }
    await advanceTo(control, id, status);
    return { id, release };
  } catch (error) {
    await release();
    throw error;
  }
}

async function advanceTo(control: ControlClient, id: string, wanted: ProcessStatus): Promise<void> {
  let current = expectAnswer(await control.inspect(id), 200, `Inspecting ${id}`).status.statusCode;
  for (let step = 0; current !== wanted; step++) {
    const outcome = expectAnswer(await control.advance(id), 200, `Advancing ${id}`);
    if (!outcome.advanced || step >= MAX_ADVANCES) {
      throw new StateSetupError(
        `Process ${id} stopped in ${outcome.status.statusCode} and cannot be advanced to ${wanted}.`,
      );
    }
    current = outcome.status.statusCode;
  }
}
