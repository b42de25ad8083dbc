import type { StatusObject } from '../../api/wire-types.js';
import { STATUS_KIND, type ProcessStatus } from '../../model/statuses.js';
import { StateSetupError } from '../errors/state-setup-error.js';
import { expectAnswer } from './expect-answer.js';
import type { StateContext } from './state-context.js';

/**
 * Reads the status (H-2) until the process rests in `wanted`. A process resting in another
 * suspended or final status will not move without an action, so that fails at once.
 */
export async function waitForStatus(
  context: StateContext,
  id: string,
  wanted: ProcessStatus,
): Promise<StatusObject> {
  const status = await waitForRest(context, id);
  if (status.statusCode === wanted) return status;
  throw new StateSetupError(
    `Process ${id} rests in ${status.statusCode} and will not reach ${wanted}` +
      `${describeProblems(status)}.`,
  );
}

/** Reads the status (H-2) until the process is in a suspended or final status. */
export async function waitForRest(context: StateContext, id: string): Promise<StatusObject> {
  const deadline = Date.now() + context.timeoutMs;
  for (;;) {
    const status = expectAnswer(
      await context.client.status(id),
      200,
      `Reading the status of ${id}`,
    );
    if (STATUS_KIND[status.statusCode] !== 'transient') return status;
    if (Date.now() >= deadline) {
      throw new StateSetupError(
        `Process ${id} is still ${status.statusCode} after ${context.timeoutMs} ms.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, context.pollMs));
  }
}

function describeProblems(status: StatusObject): string {
  const codes = (status.validationErrors ?? []).map(
    (item) => `${item.source.sourceRef}: ${item.errorCode}`,
  );
  return codes.length === 0 ? '' : ` (validation errors: ${codes.join(', ')})`;
}
