import { StateSetupError } from '../errors/state-setup-error.js';
import { describeBody } from './expect-answer.js';
import { requireControl } from './require-control.js';
import type { StateHandler } from './state-handler.js';
import { assertKnownParams, stringParam } from './state-params.js';

const STATE = 'a user exists';

/**
 * `a user exists` {username, password}: users come from the simulator's configuration, so
 * this needs a simulator. It checks that H-7 accepts the credentials there (a simulator
 * without users accepts any).
 */
export const userExists: StateHandler = async (params, context) => {
  assertKnownParams(STATE, params);
  const username = stringParam(STATE, params, 'username', () => 'import-harness');
  const password = stringParam(STATE, params, 'password', () => 'import-harness');
  requireControl(context, 'users are configured when the simulator starts (users file)');

  const response = await context.client.authorise(username, password);
  if (response.status === 200) return { values: { username, password } };
  throw new StateSetupError(
    `The simulator refuses user ${JSON.stringify(username)} (H-7 answered ${response.status} ` +
      `${describeBody(response.body)}). Start it with this user among its users.`,
  );
};
