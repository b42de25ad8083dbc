import { fileURLToPath } from 'node:url';

/** The harness's own client, as the consumer of the contract it writes. */
export const CONSUMER_NAME = 'import-harness-client';

/** Tuum's data import API, as every pact of this project names it. */
export const PROVIDER_NAME = 'tuum-data-import-api';

/** Where the generated pact files are committed. */
export const PACTS_DIR = fileURLToPath(new URL('../pacts', import.meta.url));

/** The file name Pact gives the consumer's contract: `<consumer>-<provider>.json`. */
export const PACT_FILE_NAME = `${CONSUMER_NAME}-${PROVIDER_NAME}.json`;

/** Pact must never send usage data from here: every code path that starts Pact sets this. */
export const PACT_ENVIRONMENT = { PACT_DO_NOT_TRACK: 'true' } as const;

/** Sets PACT_ENVIRONMENT in this process, for Pact's native core that runs in it. */
export function disablePactTracking(): void {
  Object.assign(process.env, PACT_ENVIRONMENT);
}
