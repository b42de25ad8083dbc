import { describe, expect, it } from 'vitest';
import type { CreatedEntityInfo } from '../../client/control-client.js';
import { checkInvariants } from '../../explore/oracle/invariants/check-invariants.js';
import { action, read, statusOf } from './support/exchanges.js';

const rulesOf = (found: ReturnType<typeof checkInvariants>): string[] =>
  found.map((violation) => violation.rule);

const REFUSED = { http: 400, code: 'err.importProcessStatusInvalid' };

describe('invariants over what a client saw', () => {
  it('find nothing wrong in an ordinary life: FAILED, retry, DONE', () => {
    const exchanges = [
      read(statusOf('DIM-1', 'FAILED', { statusCode: 'FAILED', ackedCount: 1, nackedCount: 1 })),
      action(
        'retry',
        'DIM-1',
        statusOf('DIM-1', 'SENDING', {
          statusCode: 'IN_PROGRESS',
          ackedCount: 1,
          nackedCount: 1,
          retryCount: 1,
        }),
      ),
      read(statusOf('DIM-1', 'DONE', { retryCount: 1 })),
    ];
    expect(checkInvariants(exchanges, [])).toEqual([]);
  });

  it('catch a final status that changes (S-1)', () => {
    const exchanges = [read(statusOf('DIM-1', 'DONE', {})), read(statusOf('DIM-1', 'FAILED', {}))];
    expect(rulesOf(checkInvariants(exchanges, null))).toEqual(['S-1']);
  });

  it('catch more processed than entries (C-1) and more answered than dispatched (C-2)', () => {
    const broken = statusOf('DIM-1', 'DONE', { ackedCount: 2, nackedCount: 1 });
    const row = broken.validationStatus?.[0];
    const overProcessed = {
      ...broken,
      validationStatus: row === undefined ? [] : [{ ...row, processedCount: 3 }],
    };
    expect(rulesOf(checkInvariants([read(overProcessed)], null))).toEqual(['C-1', 'C-2']);
  });

  it('catch an ackedCount that falls (C-3)', () => {
    const exchanges = [
      read(statusOf('DIM-1', 'FAILED', { statusCode: 'FAILED', ackedCount: 1, nackedCount: 1 })),
      read(statusOf('DIM-1', 'FAILED', { statusCode: 'FAILED', ackedCount: 0, nackedCount: 1 })),
    ];
    expect(rulesOf(checkInvariants(exchanges, null))).toEqual(['C-3']);
  });

  it('catch a retry whose retryCount is not the number of entities resent (C-4)', () => {
    const exchanges = [
      read(statusOf('DIM-1', 'FAILED', { statusCode: 'FAILED', ackedCount: 0, nackedCount: 2 })),
      action(
        'retry',
        'DIM-1',
        statusOf('DIM-1', 'SENDING', {
          statusCode: 'IN_PROGRESS',
          ackedCount: 0,
          nackedCount: 2,
          retryCount: 1,
        }),
      ),
    ];
    expect(rulesOf(checkInvariants(exchanges, null))).toEqual(['C-4']);
  });

  it('catch two racing discards that both won (D-2)', () => {
    const before = read(statusOf('DIM-1', 'REJECTED'));
    const first = action('discard', 'DIM-1', statusOf('DIM-1', 'DISCARDED'));
    const second = action('discard', 'DIM-1', statusOf('DIM-1', 'DISCARDED'), {
      concurrentWith: first,
    });
    expect(rulesOf(checkInvariants([before, first, second], null))).toEqual(['D-2']);
  });

  it('accept a race where the winner left the process FAILED for the second (D-2)', () => {
    const before = read(
      statusOf('DIM-1', 'FAILED', { statusCode: 'FAILED', ackedCount: 0, nackedCount: 1 }),
    );
    const retry = action(
      'retry',
      'DIM-1',
      statusOf('DIM-1', 'SENDING', {
        statusCode: 'IN_PROGRESS',
        ackedCount: 0,
        nackedCount: 1,
        retryCount: 1,
      }),
    );
    const discard = action(
      'discard',
      'DIM-1',
      statusOf('DIM-1', 'DISCARDED', {
        statusCode: 'FAILED',
        ackedCount: 0,
        nackedCount: 1,
        retryCount: 1,
      }),
      { concurrentWith: retry },
    );
    expect(checkInvariants([before, retry, discard], null)).toEqual([]);
  });

  it('catch a race that nobody won though the status allowed it (D-2)', () => {
    const before = read(statusOf('DIM-1', 'REJECTED'));
    const first = action('discard', 'DIM-1', REFUSED);
    const second = action('discard-rejected-entities', 'DIM-1', REFUSED, { concurrentWith: first });
    expect(rulesOf(checkInvariants([before, first, second], null))).toEqual(['D-2']);
  });

  it('catch a validation error whose originalSource is neither an object nor null (section 3)', () => {
    const status = statusOf('DIM-1', 'REJECTED');
    const item = {
      source: { sourceName: 'PERSON.PERSON' as const, sourceRef: 'P1', sourceLink: null },
      fieldName: 'source',
      errorCode: 'err.personSourceInvalid',
      errorValue: 'x',
      errorMessage: null,
      originalSource: 'x',
    };
    const exchanges = [read({ ...status, validationErrors: [item] })];
    expect(rulesOf(checkInvariants(exchanges, null))).toEqual(['originalSource']);
  });

  it('catch a repeated x-request-id answered differently', () => {
    const first = action('discard', 'DIM-1', statusOf('DIM-1', 'DISCARDED'), { requestId: 'r1' });
    const again = action('discard', 'DIM-1', REFUSED, { requestId: 'r1' });
    expect(rulesOf(checkInvariants([first, again], null))).toEqual(['x-request-id']);
  });
});

describe('invariants over the entities a tenant holds', () => {
  const entity = (
    type: CreatedEntityInfo['type'],
    key: string,
    reference: string | null,
    processId = 'DIM-1',
  ): CreatedEntityInfo => ({
    type,
    key,
    processId,
    reference,
  });

  it('catch an entity created twice', () => {
    const created = [
      entity('PERSON.PERSON', 'P1', null),
      entity('PERSON.PERSON', 'P1', null, 'DIM-2'),
    ];
    expect(rulesOf(checkInvariants([], created))).toEqual(['created-once']);
  });

  it('catch an account whose person and a transaction whose account the tenant does not hold', () => {
    const created = [
      entity('ACCOUNT.ACCOUNT', 'A1', 'P9'),
      entity('ACCOUNT.ACCOUNT_TRANSACTION', 'T1', 'A9'),
    ];
    expect(rulesOf(checkInvariants([], created))).toEqual(['references-exist', 'references-exist']);
  });

  it('catch an entity created by a process discarded from REJECTED (T-12)', () => {
    const exchanges = [
      read(statusOf('DIM-1', 'REJECTED')),
      action('discard', 'DIM-1', statusOf('DIM-1', 'DISCARDED')),
    ];
    expect(rulesOf(checkInvariants(exchanges, [entity('PERSON.PERSON', 'P1', null)]))).toEqual([
      'T-12',
    ]);
  });
});
