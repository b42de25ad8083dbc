import { HarnessError } from '../../errors/harness-error.js';
import { describeCatalogue } from '../provider-states/state-catalogue.js';

/** A pact asks for a provider state that is not in the catalogue of reference section 12. */
export class UnknownStateError extends HarnessError {
  readonly code = 'IH_STATE_UNKNOWN';

  constructor(readonly state: string) {
    super(
      `Provider state ${JSON.stringify(state)} is not in the catalogue (reference section 12). ` +
        `Use one of: ${describeCatalogue()}.`,
    );
  }
}
