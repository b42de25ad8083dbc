import { describe, expect, it } from 'vitest';
import type { DispatchStatusRow, StatusObject } from '../api/wire-types.js';
import type { ImportProcess } from './import-process.js';
import { toStatusObject } from './status-object.js';
import { account, invalidPerson, ModelWorld, person } from './test-support.js';
import { without } from './validation/test-fixtures.js';

const SOURCE = { sourceName: 'legacy-core', sourceRef: 'batch-1', sourceLink: null };

/** The counters of one dispatch row, in the order of the reference, with its status. */
type Counters = [
  status: DispatchStatusRow['statusCode'],
  entry: number,
  dispatched: number,
  acked: number,
  nacked: number,
  retry: number,
];

function dispatchCounters(process: ImportProcess): Record<string, Counters> {
  const rows = toStatusObject(process).dispatchStatus ?? [];
  return Object.fromEntries(
    rows.map((row) => [
      row.sourceName,
      [
        row.statusCode,
        row.entryCount,
        row.dispatchedCount,
        row.ackedCount,
        row.nackedCount,
        row.retryCount,
      ],
    ]),
  );
}

const EMPTY_ROW: Counters = ['SUCCESS', 0, 0, 0, 0, 0];

describe('toStatusObject', () => {
  it('shows nulls for everything of validation and dispatch before validation starts', () => {
    const world = new ModelWorld();
    const inserted = world.upload({ persons: [person('P-1')] });
    const expected = (statusCode: string): StatusObject =>
      ({
        importProcessId: 'DIM-1',
        source: SOURCE,
        statusCode,
        validationId: null,
        dispatchId: null,
        validationStatus: null,
        validationErrors: null,
        dispatchStatus: null,
      }) as StatusObject;

    const parsing = world.next(inserted);
    const parsed = world.next(parsing);

    expect(toStatusObject(inserted)).toEqual(expected('INSERTED'));
    expect(toStatusObject(parsing)).toEqual(expected('PARSING'));
    expect(toStatusObject(parsed)).toEqual(expected('PARSED'));
  });

  it('keeps the documented nulls on ERROR (examples/status-error.json)', () => {
    const world = new ModelWorld();

    const error = world.settle(world.uploadBytes('not JSON'));

    expect(toStatusObject(error)).toEqual({
      importProcessId: 'DIM-1',
      source: { sourceName: 'legacy-core', sourceRef: 'bytes', sourceLink: null },
      statusCode: 'ERROR',
      validationId: null,
      dispatchId: null,
      validationStatus: null,
      validationErrors: null,
      dispatchStatus: null,
    });
  });

  it('shows four validation rows in the documented order and no errors while VALIDATING', () => {
    const world = new ModelWorld();
    world.hold('PERSON.PERSON', 'P-0');

    const validating = world.until(
      world.upload({ persons: [person('P-1'), person('P-2')], accounts: [account('A-1', 'P-0')] }),
      'VALIDATING',
    );

    expect(toStatusObject(validating)).toEqual({
      importProcessId: 'DIM-1',
      source: SOURCE,
      statusCode: 'VALIDATING',
      validationId: 'DIM-2',
      dispatchId: null,
      validationStatus: [
        {
          validationStatusId: 'DIM-3',
          sourceName: 'ACCOUNT.ACCOUNT_TRANSACTION',
          statusCode: 'SUCCESS',
          entryCount: 0,
          processedCount: 0,
          message: null,
        },
        {
          validationStatusId: 'DIM-4',
          sourceName: 'ACCOUNT.ACCOUNT',
          statusCode: 'SUCCESS',
          entryCount: 1,
          processedCount: 0,
          message: null,
        },
        {
          validationStatusId: 'DIM-5',
          sourceName: 'LOAN.CONTRACT',
          statusCode: 'SUCCESS',
          entryCount: 0,
          processedCount: 0,
          message: null,
        },
        {
          validationStatusId: 'DIM-6',
          sourceName: 'PERSON.PERSON',
          statusCode: 'SUCCESS',
          entryCount: 2,
          processedCount: 0,
          message: null,
        },
      ],
      validationErrors: [],
      dispatchStatus: null,
    });
  });

  it('marks the row of an invalid entity FAILED and lists one item per problem on REJECTED', () => {
    const world = new ModelWorld();

    const rejected = world.settle(world.upload({ persons: [person('P-1'), invalidPerson('P-2')] }));
    const status = toStatusObject(rejected);

    expect(status.statusCode).toBe('REJECTED');
    expect(status.validationStatus?.[3]).toEqual({
      validationStatusId: 'DIM-6',
      sourceName: 'PERSON.PERSON',
      statusCode: 'FAILED',
      entryCount: 2,
      processedCount: 2,
      message: null,
    });
    expect(status.validationStatus?.slice(0, 3).map((row) => row.statusCode)).toEqual([
      'SUCCESS',
      'SUCCESS',
      'SUCCESS',
    ]);
    expect(status.validationErrors).toEqual([
      {
        source: { sourceName: 'PERSON.PERSON', sourceRef: 'P-2', sourceLink: null },
        fieldName: 'identificationNumbers',
        errorCode: 'err.idNumberOnePrimaryRequired',
        errorValue: null,
        errorMessage: expect.any(String),
        originalSource: { sourceName: 'external', sourceRef: '1', sourceLink: 'string' },
      },
    ]);
    expect(status.dispatchId).toBeNull();
    expect(status.dispatchStatus).toBeNull();
  });

  it('gives originalSource null for an entity without its own source object', () => {
    const world = new ModelWorld();

    const rejected = world.settle(
      world.upload({ accounts: [without(account('A-1', 'P-404'), 'source')] }),
    );

    expect(toStatusObject(rejected).validationErrors).toEqual([
      expect.objectContaining({
        errorCode: 'err.accountPersonNotFound',
        originalSource: null,
      }),
    ]);
  });

  it('gives every id of a process a distinct DIM-<n> value', () => {
    const world = new ModelWorld();

    const status = toStatusObject(world.settle(world.upload({ persons: [person('P-1')] })));
    const ids = [
      status.importProcessId,
      status.validationId,
      status.dispatchId,
      ...(status.validationStatus ?? []).map((row) => row.validationStatusId),
      ...(status.dispatchStatus ?? []).map((row) => row.dispatchStatusId),
    ];

    expect(ids).toHaveLength(11);
    expect(new Set(ids).size).toBe(11);
    for (const id of ids) expect(id).toMatch(/^DIM-\d+$/);
  });

  describe('dispatch counters (C-1 … C-4)', () => {
    it('counts a first dispatch, its refusal and a retry that succeeds, row by row', () => {
      const world = new ModelWorld();
      world.hold('PERSON.PERSON', 'P-0');
      world.addFault({ match: { key: 'P-2' }, refuse: { first: 1 } });
      const approved = world.until(
        world.upload({
          persons: [person('P-1'), person('P-2')],
          accounts: [account('A-1', 'P-0')],
        }),
        'APPROVED',
      );

      const sending = world.next(approved);
      expect(dispatchCounters(sending)).toEqual({
        'ACCOUNT.ACCOUNT_TRANSACTION': EMPTY_ROW,
        'ACCOUNT.ACCOUNT': ['IN_PROGRESS', 1, 1, 0, 0, 0],
        'LOAN.CONTRACT': EMPTY_ROW,
        'PERSON.PERSON': ['IN_PROGRESS', 2, 2, 0, 0, 0],
      });

      const failed = world.next(sending);
      expect(failed.status).toBe('FAILED');
      expect(dispatchCounters(failed)).toEqual({
        'ACCOUNT.ACCOUNT_TRANSACTION': EMPTY_ROW,
        'ACCOUNT.ACCOUNT': ['SUCCESS', 1, 1, 1, 0, 0],
        'LOAN.CONTRACT': EMPTY_ROW,
        'PERSON.PERSON': ['FAILED', 2, 2, 1, 1, 0],
      });

      // While the retry is pending, the latest answer for P-2 is still the refusal.
      const retrying = world.perform(failed, 'retry');
      expect(dispatchCounters(retrying)['PERSON.PERSON']).toEqual(['IN_PROGRESS', 2, 2, 1, 1, 1]);

      const done = world.next(retrying);
      expect(done.status).toBe('DONE');
      expect(dispatchCounters(done)).toEqual({
        'ACCOUNT.ACCOUNT_TRANSACTION': EMPTY_ROW,
        'ACCOUNT.ACCOUNT': ['SUCCESS', 1, 1, 1, 0, 0],
        'LOAN.CONTRACT': EMPTY_ROW,
        'PERSON.PERSON': ['SUCCESS', 2, 2, 2, 0, 1],
      });
    });

    it('C-4 counts entity sends made by retries, not retry calls', () => {
      const world = new ModelWorld();
      // Refuses the first three person sends: both at dispatch, P-1 again on the first retry.
      world.addFault({ match: { type: 'PERSON.PERSON' }, refuse: { first: 3 } });
      const failed = world.settle(world.upload({ persons: [person('P-1'), person('P-2')] }));
      expect(dispatchCounters(failed)['PERSON.PERSON']).toEqual(['FAILED', 2, 2, 0, 2, 0]);

      const afterFirstRetry = world.settle(world.perform(failed, 'retry'));
      expect(afterFirstRetry.status).toBe('FAILED');
      expect(dispatchCounters(afterFirstRetry)['PERSON.PERSON']).toEqual(['FAILED', 2, 2, 1, 1, 2]);

      const afterSecondRetry = world.settle(world.perform(afterFirstRetry, 'retry'));
      expect(afterSecondRetry.status).toBe('DONE');
      expect(dispatchCounters(afterSecondRetry)['PERSON.PERSON']).toEqual([
        'SUCCESS',
        2,
        2,
        2,
        0,
        3,
      ]);
    });

    it('C-2 does not count entities discarded before dispatch as dispatched', () => {
      const world = new ModelWorld();
      const rejected = world.settle(
        world.upload({ persons: [person('P-1'), invalidPerson('P-2')] }),
      );

      const partiallyDone = world.settle(world.perform(rejected, 'discard-rejected-entities'));

      expect(partiallyDone.status).toBe('PARTIALLY_DONE');
      expect(dispatchCounters(partiallyDone)['PERSON.PERSON']).toEqual(['SUCCESS', 2, 1, 1, 0, 0]);
    });

    it('keeps counting a refused entity as nacked after discard-failed-entities (T-15)', () => {
      const world = new ModelWorld();
      world.addFault({ match: { key: 'P-2' }, refuse: 'every' });
      const failed = world.settle(world.upload({ persons: [person('P-1'), person('P-2')] }));

      const partiallyDone = world.perform(failed, 'discard-failed-entities');

      expect(partiallyDone.status).toBe('PARTIALLY_DONE');
      expect(dispatchCounters(partiallyDone)['PERSON.PERSON']).toEqual(['FAILED', 2, 2, 1, 1, 0]);
    });

    it('C-3 keeps ackedCount after a rollback discard removed the created entities', () => {
      const world = new ModelWorld({ discardFromFailed: 'rollback' });
      world.addFault({ match: { key: 'P-2' }, refuse: 'every' });
      const failed = world.settle(world.upload({ persons: [person('P-1'), person('P-2')] }));

      const discarded = world.perform(failed, 'discard');

      expect(world.holds('PERSON.PERSON', 'P-1')).toBe(false);
      expect(dispatchCounters(discarded)['PERSON.PERSON']).toEqual(['FAILED', 2, 2, 1, 1, 0]);
    });

    it('C-1, C-2 and C-3 hold after every transition of a run with refusals and retries', () => {
      const world = new ModelWorld({ sameFileReferences: true });
      world.addFault({ match: { type: 'PERSON.PERSON' }, refuse: { first: 2 } });
      world.addFault({ match: { key: 'A-2' }, refuse: { first: 1 } });
      let process = world.upload({
        persons: [person('P-1'), person('P-2')],
        accounts: [account('A-1', 'P-1'), account('A-2', 'P-2'), account('A-3', 'P-0')],
      });
      world.hold('PERSON.PERSON', 'P-0');
      const snapshots: StatusObject[] = [toStatusObject(process)];
      for (let round = 0; round < 4 && process.status !== 'DONE'; round++) {
        for (let step = world.step(process); step !== null; step = world.step(process)) {
          process = step.process;
          snapshots.push(toStatusObject(process));
        }
        if (process.status === 'FAILED') {
          process = world.perform(process, 'retry');
          snapshots.push(toStatusObject(process));
        }
      }
      expect(process.status).toBe('DONE');

      const acked = new Map<string, number>();
      for (const snapshot of snapshots) {
        for (const row of snapshot.validationStatus ?? []) {
          expect(row.processedCount).toBeLessThanOrEqual(row.entryCount);
        }
        for (const row of snapshot.dispatchStatus ?? []) {
          expect(row.ackedCount + row.nackedCount).toBeLessThanOrEqual(row.dispatchedCount);
          expect(row.dispatchedCount).toBeLessThanOrEqual(row.entryCount);
          expect(row.ackedCount).toBeGreaterThanOrEqual(acked.get(row.sourceName) ?? 0);
          acked.set(row.sourceName, row.ackedCount);
        }
      }
    });
  });
});
