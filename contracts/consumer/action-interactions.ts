import { API_PATHS } from '../../api/endpoints.js';
import type { ActionName } from '../../client/import-api-client.js';
import type { ProcessStatus } from '../../model/statuses.js';
import type { ConsumerInteraction, GivenState } from './consumer-interaction.js';
import { refusalTemplate, successTemplate } from './envelope-template.js';
import { EXAMPLE } from './example-values.js';
import { processPath, TOKEN_ONLY } from './process-path.js';
import { processIdFromState } from './status-object-template.js';

const ACTION_PATHS: Readonly<Record<ActionName, string>> = {
  discard: API_PATHS.discard,
  'discard-rejected-entities': API_PATHS.discardRejected,
  'discard-failed-entities': API_PATHS.discardFailed,
  retry: API_PATHS.retry,
};

interface ActionCase {
  readonly action: ActionName;
  readonly from: ProcessStatus;
  readonly params?: Readonly<Record<string, number>>;
  /** The status the action's own transition answers with; absent when it is refused (D-1). */
  readonly to?: ProcessStatus;
}

/**
 * Each action from a status that allows it (T-12, T-13, T-15, T-16) and from one that does
 * not (D-1). The refusals come from statuses any provider reaches through its public API.
 */
const ACTION_CASES: readonly ActionCase[] = [
  { action: 'discard', from: 'REJECTED', to: 'DISCARDED' },
  { action: 'discard', from: 'ERROR' },
  {
    action: 'discard-rejected-entities',
    from: 'REJECTED',
    params: { valid: 1, invalid: 1 },
    to: 'PARTIALLY_APPROVED',
  },
  { action: 'discard-rejected-entities', from: 'DONE' },
  {
    action: 'discard-failed-entities',
    from: 'FAILED',
    params: { valid: 1, refused: 1 },
    to: 'PARTIALLY_DONE',
  },
  { action: 'discard-failed-entities', from: 'REJECTED' },
  { action: 'retry', from: 'FAILED', to: 'SENDING' },
  { action: 'retry', from: 'DISCARDED' },
];

/** H-3 … H-6: allowed and refused actions, and an action on an unknown id. */
export const ACTION_INTERACTIONS: readonly ConsumerInteraction[] = [
  ...ACTION_CASES.map(actionInteraction),
  {
    description: 'a discard of an unknown process',
    given: [
      {
        name: 'no import process exists with id',
        params: { importProcessId: EXAMPLE.unknownProcessId },
      },
    ],
    request: {
      method: 'POST',
      path: processPath(API_PATHS.discard, EXAMPLE.unknownProcessId),
      headers: TOKEN_ONLY,
    },
    response: { status: 404, body: refusalTemplate('err.importProcessNotFound') },
    send: (client) => client.act('discard', EXAMPLE.unknownProcessId),
    reads: { http: 404, errors: ['err.importProcessNotFound'] },
  },
];

function actionInteraction({ action, from, params, to }: ActionCase): ConsumerInteraction {
  const given: GivenState = {
    name: 'an import process exists in status',
    params: { status: from, ...params },
  };
  const request = {
    method: 'POST' as const,
    path: processPath(ACTION_PATHS[action]),
    headers: TOKEN_ONLY,
  };
  const send: ConsumerInteraction['send'] = (client) => client.act(action, EXAMPLE.importProcessId);

  if (to === undefined) {
    return {
      description: `a ${action} of a process in ${from}, which it does not allow`,
      given: [given],
      request,
      response: { status: 400, body: refusalTemplate('err.importProcessStatusInvalid') },
      send,
      reads: { http: 400, errors: ['err.importProcessStatusInvalid'] },
    };
  }
  return {
    description: `a ${action} of a process in ${from}`,
    given: [given],
    request,
    // The answer is the status the action's own transition produced, never a later one.
    response: {
      status: 200,
      body: successTemplate({ importProcessId: processIdFromState(), statusCode: to }),
    },
    send,
    reads: { http: 200, status: to },
  };
}
