import { StateSetupError } from '../errors/state-setup-error.js';
import { describeBody } from './expect-answer.js';
import type { StateHandler } from './state-handler.js';
import { assertKnownParams, stringParam } from './state-params.js';

const STATE = 'no import process exists with id';

/**
 * `no import process exists with id` {importProcessId = DIM-404}: checks through H-2 that the
 * id is unknown, since no public request can delete a process.
 */
export const noImportProcess: StateHandler = async (params, context) => {
  assertKnownParams(STATE, params);
  const id = stringParam(STATE, params, 'importProcessId', () => 'DIM-404');

  const response = await context.client.status(id);
  if (response.status === 404) return { values: { importProcessId: id } };
  throw new StateSetupError(
    `State "${STATE}" needs an id no process has, but GET ${response.request.url} answered ` +
      `${response.status} ${describeBody(response.body)}. Pass another "importProcessId".`,
  );
};
