/** Synthetic exchanges for tests of the invariants: status objects and answers by hand. */
import type { DispatchStatusRow, StatusObject } from '../../../api/wire-types.js';
import type { ActionName } from '../../../client/import-api-client.js';
import type { Exchange } from '../../../explore/runner/recording-client.js';

type Row = Partial<Omit<DispatchStatusRow, 'sourceName'>>;

let clock = 0;

/** A status object of process `id` with one PERSON.PERSON dispatch row. */
export function statusOf(
  id: string,
  statusCode: StatusObject['statusCode'],
  row?: Row,
): StatusObject {
  return {
    importProcessId: id,
    source: { sourceName: 'legacy-core', sourceRef: '1', sourceLink: null },
    statusCode,
    validationId: 'DIM-1',
    dispatchId: row === undefined ? null : 'DIM-2',
    validationStatus: [
      {
        validationStatusId: 'DIM-3',
        sourceName: 'PERSON.PERSON',
        statusCode: 'SUCCESS',
        entryCount: 2,
        processedCount: 2,
        message: null,
      },
    ],
    validationErrors: [],
    dispatchStatus:
      row === undefined
        ? null
        : [
            {
              dispatchStatusId: 'DIM-4',
              sourceName: 'PERSON.PERSON',
              statusCode: 'SUCCESS',
              entryCount: 2,
              dispatchedCount: 2,
              ackedCount: 2,
              nackedCount: 0,
              retryCount: 0,
              message: null,
              ...row,
            },
          ],
  };
}

/** A status read answered with `status`, after everything made so far. */
export function read(status: StatusObject): Exchange {
  return exchange('status', null, status.importProcessId, 200, status);
}

/** An action answered 200 with `status`, or refused with `http` and a code. */
export function action(
  name: ActionName,
  id: string,
  answer: StatusObject | { http: number; code: string },
  options: { requestId?: string; concurrentWith?: Exchange } = {},
): Exchange {
  const ok = 'importProcessId' in answer;
  const made = exchange(
    'action',
    name,
    id,
    ok ? 200 : answer.http,
    ok ? answer : null,
    ok ? [] : [answer.code],
    options.requestId ?? null,
  );
  if (options.concurrentWith === undefined) return made;
  // Both were under way at once: each started before the other ended.
  return { ...made, started: options.concurrentWith.started + 0.5 };
}

function exchange(
  kind: Exchange['kind'],
  actionName: ActionName | null,
  id: string,
  http: number,
  data: StatusObject | null,
  errors: string[] = [],
  requestId: string | null = null,
): Exchange {
  const started = ++clock;
  const ended = ++clock;
  return {
    kind,
    action: actionName,
    processId: id,
    requestId,
    started,
    ended,
    response: {
      status: http,
      body: { errors: errors.length > 0 ? errors : null, validationErrors: null, data },
      data,
      errors,
      request: { method: 'GET', url: `http://127.0.0.1/${id}`, headers: {}, body: null },
    },
  };
}
