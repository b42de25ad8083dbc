import { describe, expect, it } from 'vitest';
import { advance } from './advance.js';
import type { ImportProcess } from './import-process.js';
import type { ProcessStatus } from './statuses.js';
import {
  account,
  FIXED_NOW_ISO,
  invalidPerson,
  ModelWorld,
  person,
  processIn,
} from './test-support.js';

const summary = (process: ImportProcess): Array<[string, string, string]> =>
  process.entities.map((entity) => [entity.type, entity.key, entity.status]);

describe('advance', () => {
  it('T-2 moves an INSERTED process to PARSING and records the step in its history', () => {
    const world = new ModelWorld();
    const inserted = world.upload({ persons: [person('P-1')] });

    const result = world.step(inserted);

    expect(result?.transition).toBe('T-2');
    expect(result?.process.status).toBe('PARSING');
    expect(result?.process.history).toEqual([
      { transition: 'T-1', from: null, to: 'INSERTED', at: FIXED_NOW_ISO },
      { transition: 'T-2', from: 'INSERTED', to: 'PARSING', at: FIXED_NOW_ISO },
    ]);
  });

  it('T-3 ends a file that is not JSON in ERROR, keeping the reason and creating nothing', () => {
    const world = new ModelWorld();
    const parsing = world.next(world.uploadBytes('{"persons": ['));

    const result = world.step(parsing);

    expect(result?.transition).toBe('T-3');
    expect(result?.process.status).toBe('ERROR');
    expect(result?.process.technicalError).toMatch(/not valid JSON/);
    expect(result?.process.entities).toEqual([]);
    expect(result?.process.upload).toBeNull();
    expect(result?.created).toEqual([]);
    expect(world.held.size).toBe(0);
  });

  it('T-3 ends an uploaded document that holds no entity in ERROR', () => {
    const world = new ModelWorld();
    const parsing = world.next(world.upload({ persons: [] }));

    const result = world.step(parsing);

    expect(result?.transition).toBe('T-3');
    expect(result?.process.status).toBe('ERROR');
    expect(result?.process.technicalError).toBe('the file holds no entity');
  });

  it('T-4 extracts the entities of a readable file as PENDING and drops the stored file', () => {
    const world = new ModelWorld();
    const parsing = world.next(
      world.upload({ accounts: [account('A-1', 'P-0')], persons: [person('P-1')] }),
    );

    const result = world.step(parsing);

    expect(result?.transition).toBe('T-4');
    expect(result?.process.status).toBe('PARSED');
    expect(result?.process.upload).toBeNull();
    expect(summary(result?.process ?? parsing)).toEqual([
      ['PERSON.PERSON', 'P-1', 'PENDING'],
      ['ACCOUNT.ACCOUNT', 'A-1', 'PENDING'],
    ]);
    expect(result?.process.entities[0]).toMatchObject({
      problems: [],
      sends: 0,
      retrySends: 0,
      lastSend: null,
      refusal: null,
    });
  });

  it('T-5 starts data validation and assigns the validation id and one row id per type', () => {
    const world = new ModelWorld();
    const parsed = world.until(world.upload({ persons: [person('P-1')] }), 'PARSED');

    const result = world.step(parsed);

    // DIM-1 is the process; the validation takes the next five ids.
    expect(result?.transition).toBe('T-5');
    expect(result?.process.status).toBe('VALIDATING');
    expect(result?.process.validationId).toBe('DIM-2');
    expect(result?.process.validationRowIds).toEqual({
      'ACCOUNT.ACCOUNT_TRANSACTION': 'DIM-3',
      'ACCOUNT.ACCOUNT': 'DIM-4',
      'LOAN.CONTRACT': 'DIM-5',
      'PERSON.PERSON': 'DIM-6',
    });
    expect(result?.process.dispatchId).toBeNull();
  });

  it('T-6 rejects a process with an invalid entity, marks each entity and sends nothing', () => {
    const world = new ModelWorld();
    const validating = world.until(
      world.upload({ persons: [person('P-1'), invalidPerson('P-2')] }),
      'VALIDATING',
    );

    const result = world.step(validating);

    expect(result?.transition).toBe('T-6');
    expect(result?.process.status).toBe('REJECTED');
    expect(summary(result?.process ?? validating)).toEqual([
      ['PERSON.PERSON', 'P-1', 'VALID'],
      ['PERSON.PERSON', 'P-2', 'INVALID'],
    ]);
    expect(result?.process.entities[1]?.problems.map((problem) => problem.errorCode)).toEqual([
      'err.idNumberOnePrimaryRequired',
    ]);
    expect(result?.process.entities.map((entity) => entity.sends)).toEqual([0, 0]);
    expect(result?.process.dispatchId).toBeNull();
    expect(result?.created).toEqual([]);
  });

  it('T-7 approves a process whose entities are all valid', () => {
    const world = new ModelWorld();
    const validating = world.until(
      world.upload({ persons: [person('P-1'), person('P-2')] }),
      'VALIDATING',
    );

    const result = world.step(validating);

    expect(result?.transition).toBe('T-7');
    expect(result?.process.status).toBe('APPROVED');
    expect(summary(result?.process ?? validating)).toEqual([
      ['PERSON.PERSON', 'P-1', 'VALID'],
      ['PERSON.PERSON', 'P-2', 'VALID'],
    ]);
  });

  it('T-6 judges data against the tenant as it is when VALIDATING ends', () => {
    const world = new ModelWorld();
    const validating = world.until(world.upload({ persons: [person('P-1')] }), 'VALIDATING');
    world.hold('PERSON.PERSON', 'P-1');

    const result = world.step(validating);

    expect(result?.process.status).toBe('REJECTED');
    expect(result?.process.entities[0]?.problems.map((problem) => problem.errorCode)).toEqual([
      'err.personExists',
    ]);
  });

  it('T-6 rejects an account whose person is only in the same file, by default', () => {
    const world = new ModelWorld();

    const rejected = world.settle(
      world.upload({ persons: [person('P-1')], accounts: [account('A-1', 'P-1')] }),
    );

    expect(rejected.status).toBe('REJECTED');
    expect(rejected.entities[1]?.problems.map((problem) => problem.errorCode)).toEqual([
      'err.accountPersonNotFound',
    ]);
  });

  it('T-8 sends every approved entity and assigns the dispatch id and row ids', () => {
    const world = new ModelWorld();
    const approved = world.until(
      world.upload({ persons: [person('P-1'), person('P-2')] }),
      'APPROVED',
    );

    const result = world.step(approved);

    // DIM-1 process, DIM-2…DIM-6 validation: the dispatch takes DIM-7…DIM-11.
    expect(result?.transition).toBe('T-8');
    expect(result?.process.status).toBe('SENDING');
    expect(result?.process.dispatchId).toBe('DIM-7');
    expect(result?.process.dispatchRowIds).toEqual({
      'ACCOUNT.ACCOUNT_TRANSACTION': 'DIM-8',
      'ACCOUNT.ACCOUNT': 'DIM-9',
      'LOAN.CONTRACT': 'DIM-10',
      'PERSON.PERSON': 'DIM-11',
    });
    expect(summary(result?.process ?? approved)).toEqual([
      ['PERSON.PERSON', 'P-1', 'SENT'],
      ['PERSON.PERSON', 'P-2', 'SENT'],
    ]);
    expect(result?.process.entities.map((entity) => entity.sends)).toEqual([1, 1]);
    expect(result?.created).toEqual([]);
    expect(world.held.size).toBe(0);
  });

  it('T-8 sends only the valid rest of a PARTIALLY_APPROVED process', () => {
    const world = new ModelWorld();
    const rejected = world.settle(world.upload({ persons: [person('P-1'), invalidPerson('P-2')] }));
    const partiallyApproved = world.perform(rejected, 'discard-rejected-entities');

    const result = world.step(partiallyApproved);

    expect(result?.transition).toBe('T-8');
    expect(summary(result?.process ?? partiallyApproved)).toEqual([
      ['PERSON.PERSON', 'P-1', 'SENT'],
      ['PERSON.PERSON', 'P-2', 'DISCARDED'],
    ]);
    expect(result?.process.entities.map((entity) => entity.sends)).toEqual([1, 0]);
  });

  it('T-9 ends a dispatch in DONE when every entity is created', () => {
    const world = new ModelWorld();
    world.hold('PERSON.PERSON', 'P-0');
    const sending = world.until(
      world.upload({ persons: [person('P-1')], accounts: [account('A-1', 'P-0')] }),
      'SENDING',
    );

    const result = world.step(sending);

    expect(result?.transition).toBe('T-9');
    expect(result?.process.status).toBe('DONE');
    expect(summary(result?.process ?? sending)).toEqual([
      ['PERSON.PERSON', 'P-1', 'CREATED'],
      ['ACCOUNT.ACCOUNT', 'A-1', 'CREATED'],
    ]);
    expect(result?.created).toEqual([
      { type: 'PERSON.PERSON', key: 'P-1', processId: 'DIM-1', reference: null },
      { type: 'ACCOUNT.ACCOUNT', key: 'A-1', processId: 'DIM-1', reference: 'P-0' },
    ]);
    expect(world.holds('PERSON.PERSON', 'P-1')).toBe(true);
    expect(world.holds('ACCOUNT.ACCOUNT', 'A-1')).toBe(true);
  });

  it('T-10 ends a dispatch in PARTIALLY_DONE when entities were discarded before it', () => {
    const world = new ModelWorld();
    const rejected = world.settle(world.upload({ persons: [person('P-1'), invalidPerson('P-2')] }));
    const sending = world.next(world.perform(rejected, 'discard-rejected-entities'));

    const result = world.step(sending);

    expect(result?.transition).toBe('T-10');
    expect(result?.process.status).toBe('PARTIALLY_DONE');
    expect(summary(result?.process ?? sending)).toEqual([
      ['PERSON.PERSON', 'P-1', 'CREATED'],
      ['PERSON.PERSON', 'P-2', 'DISCARDED'],
    ]);
    expect(world.holds('PERSON.PERSON', 'P-2')).toBe(false);
  });

  it('T-11 suspends a dispatch in FAILED when an entity is refused; created ones stay', () => {
    const world = new ModelWorld();
    world.addFault({ match: { key: 'P-2' }, refuse: 'every' });
    const sending = world.until(
      world.upload({ persons: [person('P-1'), person('P-2')] }),
      'SENDING',
    );

    const result = world.step(sending);

    expect(result?.transition).toBe('T-11');
    expect(result?.process.status).toBe('FAILED');
    expect(summary(result?.process ?? sending)).toEqual([
      ['PERSON.PERSON', 'P-1', 'CREATED'],
      ['PERSON.PERSON', 'P-2', 'NOT_CREATED'],
    ]);
    expect(result?.process.entities[1]).toMatchObject({
      lastSend: 'nacked',
      refusal: 'refused by fault rule F-1',
    });
    expect(result?.created.map((entity) => entity.key)).toEqual(['P-1']);
    expect(world.holds('PERSON.PERSON', 'P-1')).toBe(true);
    expect(world.holds('PERSON.PERSON', 'P-2')).toBe(false);
  });

  it('runs a valid file through every automatic transition to DONE', () => {
    const world = new ModelWorld();

    const done = world.settle(world.upload({ persons: [person('P-1')] }));

    expect(done.history.map((entry) => `${entry.transition} ${entry.to}`)).toEqual([
      'T-1 INSERTED',
      'T-2 PARSING',
      'T-4 PARSED',
      'T-5 VALIDATING',
      'T-7 APPROVED',
      'T-8 SENDING',
      'T-9 DONE',
    ]);
  });

  it('does not change the process it is given', () => {
    const world = new ModelWorld();
    const approved = world.until(world.upload({ persons: [person('P-1')] }), 'APPROVED');
    const before = structuredClone(approved);

    world.step(approved);

    expect(approved).toEqual(before);
  });

  it.each<ProcessStatus>(['REJECTED', 'FAILED'])(
    'leaves a suspended %s process waiting for a client action (returns null)',
    (status) => {
      const world = new ModelWorld();
      const suspended = processIn(world, status);

      expect(advance(suspended, world.context())).toBeNull();
    },
  );

  it.each<ProcessStatus>(['ERROR', 'DONE', 'PARTIALLY_DONE', 'DISCARDED'])(
    'S-1 never moves a process on from the final status %s (returns null)',
    (status) => {
      const world = new ModelWorld();
      const final = processIn(world, status);
      expect(final.status).toBe(status);

      expect(advance(final, world.context())).toBeNull();
    },
  );
});
