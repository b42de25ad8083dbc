import { HarnessError } from '../../errors/harness-error.js';

/**
 * A provider state needs the simulator's control API (fault rules, a held pace, users) and
 * the provider has none: the interaction cannot be verified there, which is not a failure.
 */
export class NeedsSimulatorError extends HarnessError {
  readonly code = 'IH_NEEDS_SIMULATOR';
}
