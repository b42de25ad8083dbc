import { expectAnswer } from './expect-answer.js';
import { personsFile, validPerson } from './import-files.js';
import type { StateHandler } from './state-handler.js';
import { assertKnownParams, stringParam } from './state-params.js';
import { waitForStatus } from './wait-for-status.js';

const STATE = 'an import batch was already uploaded';

/**
 * `an import batch was already uploaded` {tenant, sourceName, sourceRef}: uploads a valid
 * file under that batch, so the pair stays claimed. A pair already claimed proves the state.
 */
export const batchAlreadyUploaded: StateHandler = async (params, context) => {
  // Step 1: the parameters; a batch named by nobody gets a reference of its own.
  assertKnownParams(STATE, params);
  const tenant = stringParam(STATE, params, 'tenant', () => context.tenant);
  const sourceName = stringParam(STATE, params, 'sourceName', () => 'import-harness');
  const sourceRef = stringParam(STATE, params, 'sourceRef', () => context.uniqueKey('PACT-BATCH'));
  const values = { tenant, sourceName, sourceRef };

  // Step 2: upload a valid person under the batch and let it finish (DONE keeps the claim).
  const response = await context.client.upload({
    tenant,
    sourceName,
    sourceRef,
    parts: [{ content: personsFile([validPerson(context.uniqueKey('PACT-P'))]) }],
  });
  if (response.status === 400 && response.errors.includes('err.importSourceRefExists')) {
    return { values };
  }
  const id = expectAnswer(response, 202, `Uploading batch ${sourceName}/${sourceRef}`);
  await waitForStatus(context, id.importProcessId, 'DONE');
  return { values };
};
