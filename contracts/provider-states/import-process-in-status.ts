import { STATUS_KIND } from '../../model/statuses.js';
import { StateSetupError } from '../errors/state-setup-error.js';
import { reachFailedStatus } from './reach-failed-status.js';
import { PUBLIC_STATUSES, reachPublicStatus, type PublicStatus } from './reach-public-status.js';
import { reachTransientStatus } from './reach-transient-status.js';
import type { StateHandler } from './state-handler.js';
import {
  assertKnownParams,
  countParam,
  statusParam,
  stringParam,
  type StateParams,
} from './state-params.js';

const STATE = 'an import process exists in status';

/**
 * `an import process exists in status` {status, valid, invalid, refused, tenant}: provides
 * `importProcessId` and `tenant`. Public statuses go through H-1 … H-6; FAILED and transient
 * statuses need the simulator.
 */
export const importProcessInStatus: StateHandler = async (params, context) => {
  // Step 1: the parameters; a count that does not apply to the status is refused.
  assertKnownParams(STATE, params);
  const status = statusParam(STATE, params);
  const tenant = stringParam(STATE, params, 'tenant', () => context.tenant);
  const valid = countParam(STATE, params, 'valid', 1);
  const invalid = countParam(STATE, params, 'invalid', 1);
  const refused = countParam(STATE, params, 'refused', 1);
  assertAppliesTo(params, 'invalid', 'REJECTED', status);
  assertAppliesTo(params, 'refused', 'FAILED', status);

  // Step 2: reach the status the cheapest way the catalogue allows.
  const values = (id: string): Record<string, string> => ({ importProcessId: id, tenant });
  if (PUBLIC_STATUSES.includes(status)) {
    const plan = { tenant, valid, invalid };
    return { values: values(await reachPublicStatus(context, status as PublicStatus, plan)) };
  }
  if (status === 'FAILED') {
    return { values: values(await reachFailedStatus(context, { tenant, valid, refused })) };
  }
  if (STATUS_KIND[status] === 'transient') {
    const held = await reachTransientStatus(context, status, { tenant, valid });
    return { values: values(held.id), teardown: held.release };
  }
  throw new StateSetupError(`State "${STATE}" cannot reach status ${status}.`);
};

function assertAppliesTo(params: StateParams, name: string, only: string, status: string): void {
  if (params[name] === undefined || status === only) return;
  throw new StateSetupError(
    `Parameter "${name}" of state "${STATE}" applies to status ${only} only; got status ${status}.`,
  );
}
