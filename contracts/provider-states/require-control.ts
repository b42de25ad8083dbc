import type { ControlClient } from '../../client/control-client.js';
import { NeedsSimulatorError } from '../errors/needs-simulator-error.js';
import type { StateContext } from './state-context.js';

/** The control API, or a NeedsSimulatorError saying why this state needs it. */
export function requireControl(context: StateContext, why: string): ControlClient {
  if (context.control !== null) return context.control;
  throw new NeedsSimulatorError(`needs simulator: ${why}; this provider has no control API`);
}
