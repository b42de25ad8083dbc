import { API_PATHS } from '../../api/endpoints.js';
import type { ProcessStatus } from '../../model/statuses.js';
import type { ConsumerInteraction } from './consumer-interaction.js';
import { refusalTemplate, successTemplate } from './envelope-template.js';
import { EXAMPLE } from './example-values.js';
import { statusObjectTemplate, type StatusParts } from './status-object-template.js';
import { processPath, TOKEN_ONLY } from './process-path.js';

/**
 * The parts of the status object the reference fixes in each final and suspended status
 * (section 3): ERROR keeps every documented null; REJECTED has validation errors and no
 * dispatch; the rest have been dispatched, except a discard straight from REJECTED.
 */
const RESTING_STATUSES: ReadonlyArray<{
  readonly status: ProcessStatus;
  readonly params?: Readonly<Record<string, number>>;
  readonly parts: StatusParts;
}> = [
  { status: 'ERROR', parts: { validation: 'null', validationErrors: 'null', dispatch: 'null' } },
  {
    status: 'REJECTED',
    params: { valid: 1, invalid: 1 },
    parts: { validation: 'rows', validationErrors: 'some', dispatch: 'null' },
  },
  {
    status: 'FAILED',
    params: { valid: 1, refused: 1 },
    parts: { validation: 'rows', validationErrors: 'none', dispatch: 'rows' },
  },
  { status: 'DONE', parts: { validation: 'rows', validationErrors: 'none', dispatch: 'rows' } },
  {
    status: 'PARTIALLY_DONE',
    parts: { validation: 'rows', validationErrors: 'any', dispatch: 'rows' },
  },
  {
    status: 'DISCARDED',
    parts: { validation: 'rows', validationErrors: 'any', dispatch: 'null' },
  },
];

/** H-2: the status object in each resting status, and the answer for an unknown id. */
export const STATUS_INTERACTIONS: readonly ConsumerInteraction[] = [
  ...RESTING_STATUSES.map(({ status, params, parts }): ConsumerInteraction => ({
    description: `a status read of a process in ${status}`,
    given: [{ name: 'an import process exists in status', params: { status, ...params } }],
    request: { method: 'GET', path: processPath(API_PATHS.status), headers: TOKEN_ONLY },
    response: { status: 200, body: successTemplate(statusObjectTemplate(status, parts)) },
    send: (client) => client.status(EXAMPLE.importProcessId),
    reads: { http: 200, status },
  })),
  {
    description: 'a status read of an unknown process',
    given: [
      {
        name: 'no import process exists with id',
        params: { importProcessId: EXAMPLE.unknownProcessId },
      },
    ],
    request: {
      method: 'GET',
      path: processPath(API_PATHS.status, EXAMPLE.unknownProcessId),
      headers: TOKEN_ONLY,
    },
    response: { status: 404, body: refusalTemplate('err.importProcessNotFound') },
    send: (client) => client.status(EXAMPLE.unknownProcessId),
    reads: { http: 404, errors: ['err.importProcessNotFound'] },
  },
];
