import { HarnessError } from '../../errors/harness-error.js';

/**
 * In a consumer contract test, the typed client read the mock provider's answer differently
 * from what the interaction promises: the client, or the interaction, is wrong.
 */
export class ContractExpectationError extends HarnessError {
  readonly code = 'IH_CONTRACT_EXPECTATION';
}
