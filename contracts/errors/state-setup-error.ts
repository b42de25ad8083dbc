import { HarnessError } from '../../errors/harness-error.js';

/**
 * A provider state could not be set up: a parameter is wrong, or the provider did not reach
 * the state through the requests that should lead there. The message says which request.
 */
export class StateSetupError extends HarnessError {
  readonly code = 'IH_STATE_SETUP_FAILED';
}
