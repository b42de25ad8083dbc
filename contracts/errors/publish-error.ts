import { HarnessError } from '../../errors/harness-error.js';

/** The Pact Broker could not be reached, or refused the pacts. */
export class PublishError extends HarnessError {
  readonly code = 'IH_PUBLISH_FAILED';
}
