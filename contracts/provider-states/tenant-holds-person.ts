import { StateSetupError } from '../errors/state-setup-error.js';
import { expectAnswer } from './expect-answer.js';
import { personsFile, validPerson } from './import-files.js';
import type { StateHandler } from './state-handler.js';
import { assertKnownParams, stringParam } from './state-params.js';
import { uploadFile } from './upload-file.js';
import { waitForRest } from './wait-for-status.js';

const STATE = 'a tenant holds a person';

/**
 * `a tenant holds a person` {tenant, externalPersonId}: imports the person through the public
 * API. A person the tenant already holds is refused with V-6, which also proves the state.
 */
export const tenantHoldsPerson: StateHandler = async (params, context) => {
  // Step 1: the parameters; a person named by nobody gets a key of its own.
  assertKnownParams(STATE, params);
  const tenant = stringParam(STATE, params, 'tenant', () => context.tenant);
  const key = stringParam(STATE, params, 'externalPersonId', () => context.uniqueKey('PACT-P'));
  const values = { tenant, externalPersonId: key };

  // Step 2: import it and wait for the process to rest.
  const id = await uploadFile(context, { tenant, content: personsFile([validPerson(key)]) });
  const status = await waitForRest(context, id);
  if (status.statusCode === 'DONE') return { values };

  // Step 3: refused only because the person exists: the state holds; the process is ended.
  const codes = (status.validationErrors ?? []).map((item) => item.errorCode);
  const onlyExists = codes.length > 0 && codes.every((code) => code === 'err.personExists');
  if (status.statusCode === 'REJECTED' && onlyExists) {
    expectAnswer(await context.client.act('discard', id), 200, `Discarding ${id}`);
    return { values };
  }
  throw new StateSetupError(
    `Importing person ${key} into tenant ${tenant} ended in ${status.statusCode}` +
      `${codes.length === 0 ? '' : ` for ${codes.join(', ')}`}.`,
  );
};
