import { HarnessError } from '../../errors/harness-error.js';

/** The Pact Verifier could not run at all (bad arguments, a broker it cannot reach …). */
export class VerifierError extends HarnessError {
  readonly code = 'IH_VERIFIER_FAILED';
}
