import { UnknownStateError } from '../errors/unknown-state-error.js';
import { batchAlreadyUploaded } from './batch-already-uploaded.js';
import { importProcessInStatus } from './import-process-in-status.js';
import { noImportProcess } from './no-import-process.js';
import { isStateName, type StateName } from './state-catalogue.js';
import type { StateContext } from './state-context.js';
import type { StateHandler, StateSetUp } from './state-handler.js';
import type { StateParams } from './state-params.js';
import { tenantHoldsPerson } from './tenant-holds-person.js';
import { userExists } from './user-exists.js';

/** One handler per catalogue state (reference section 12). */
export const STATE_HANDLERS: Readonly<Record<StateName, StateHandler>> = {
  'an import process exists in status': importProcessInStatus,
  'no import process exists with id': noImportProcess,
  'a tenant holds a person': tenantHoldsPerson,
  'an import batch was already uploaded': batchAlreadyUploaded,
  'a user exists': userExists,
};

/** Sets up the named state; a name outside the catalogue fails with the catalogue listed. */
export function setUpState(
  state: string,
  params: StateParams,
  context: StateContext,
): Promise<StateSetUp> {
  if (!isStateName(state)) return Promise.reject(new UnknownStateError(state));
  return STATE_HANDLERS[state](params, context);
}
