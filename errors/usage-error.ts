import { HarnessError } from './harness-error.js';

/** The command line asks for something the CLI does not offer. */
export class UsageError extends HarnessError {
  readonly code = 'IH_USAGE';
}
