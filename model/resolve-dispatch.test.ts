import { describe, expect, it } from 'vitest';
import type { ImportProcess } from './import-process.js';
import { resolveDispatch } from './resolve-dispatch.js';
import { account, ModelWorld, person } from './test-support.js';

const statuses = (process: ImportProcess): Record<string, string> =>
  Object.fromEntries(
    process.entities.map((entity) => [`${entity.type} ${entity.key}`, entity.status]),
  );

describe('resolveDispatch', () => {
  it('creates sent entities in dependency order, whatever their order in the file', () => {
    const world = new ModelWorld({ sameFileReferences: true });
    // A bare array typed by key fields: the account comes before its person in the file.
    const sending = world.until(world.upload([account('A-1', 'P-1'), person('P-1')]), 'SENDING');

    const result = resolveDispatch(sending, world.context());

    expect(result.transition).toBe('T-9');
    expect(result.created).toEqual([
      { type: 'PERSON.PERSON', key: 'P-1', processId: 'DIM-1', reference: null },
      { type: 'ACCOUNT.ACCOUNT', key: 'A-1', processId: 'DIM-1', reference: 'P-1' },
    ]);
  });

  it('V-6 at dispatch refuses a person that another process created after validation', () => {
    const world = new ModelWorld();
    // Both processes validate P-1 while it does not exist yet; the first to finish creates it.
    const first = world.until(world.upload({ persons: [person('P-1')] }, 'b-1'), 'SENDING');
    const second = world.until(
      world.upload({ persons: [person('P-1'), person('P-2')] }, 'b-2'),
      'SENDING',
    );
    expect(world.settle(first).status).toBe('DONE');

    const result = resolveDispatch(second, world.context());

    expect(result.transition).toBe('T-11');
    expect(result.process.status).toBe('FAILED');
    expect(statuses(result.process)).toEqual({
      'PERSON.PERSON P-1': 'NOT_CREATED',
      'PERSON.PERSON P-2': 'CREATED',
    });
    expect(result.process.entities[0]?.refusal).toBe('P-1 already exists in the tenant');
    expect(result.created.map((entity) => entity.key)).toEqual(['P-2']);
  });

  it('V-6 at dispatch refuses the same person again on retry while it still exists', () => {
    const world = new ModelWorld();
    const first = world.until(world.upload({ persons: [person('P-1')] }, 'b-1'), 'SENDING');
    const second = world.until(world.upload({ persons: [person('P-1')] }, 'b-2'), 'SENDING');
    world.settle(first);
    const failed = world.settle(second);

    const retried = world.settle(world.perform(failed, 'retry'));

    expect(retried.status).toBe('FAILED');
    expect(retried.entities[0]).toMatchObject({ status: 'NOT_CREATED', sends: 2 });
  });

  it('refuses an account whose person was refused in the same dispatch', () => {
    const world = new ModelWorld({ sameFileReferences: true });
    world.addFault({ match: { type: 'PERSON.PERSON' }, refuse: 'every' });
    const sending = world.until(
      world.upload({ persons: [person('P-1')], accounts: [account('A-1', 'P-1')] }),
      'SENDING',
    );

    const result = resolveDispatch(sending, world.context());

    expect(result.process.status).toBe('FAILED');
    expect(statuses(result.process)).toEqual({
      'PERSON.PERSON P-1': 'NOT_CREATED',
      'ACCOUNT.ACCOUNT A-1': 'NOT_CREATED',
    });
    expect(result.process.entities[1]?.refusal).toBe(
      'PERSON.PERSON P-1 does not exist in the tenant',
    );
    expect(result.created).toEqual([]);
  });

  it('creates on retry an account refused for its person, once the person is created', () => {
    const world = new ModelWorld({ sameFileReferences: true });
    world.addFault({ match: { type: 'PERSON.PERSON' }, refuse: { first: 1 } });
    const failed = world.settle(
      world.upload({ persons: [person('P-1')], accounts: [account('A-1', 'P-1')] }),
    );
    expect(failed.status).toBe('FAILED');

    const done = world.settle(world.perform(failed, 'retry'));

    expect(done.status).toBe('DONE');
    expect(world.holds('PERSON.PERSON', 'P-1')).toBe(true);
    expect(world.holds('ACCOUNT.ACCOUNT', 'A-1')).toBe(true);
  });

  it('refuses an account whose person was removed from the tenant after validation', () => {
    const world = new ModelWorld();
    world.hold('PERSON.PERSON', 'P-0');
    const sending = world.until(world.upload({ accounts: [account('A-1', 'P-0')] }), 'SENDING');
    world.held.delete('PERSON.PERSON P-0');

    const result = resolveDispatch(sending, world.context());

    expect(result.process.status).toBe('FAILED');
    expect(result.process.entities[0]?.refusal).toBe(
      'PERSON.PERSON P-0 does not exist in the tenant',
    );
  });

  describe('fault rules', () => {
    it('a rule refusing every send refuses the first dispatch and each retry', () => {
      const world = new ModelWorld();
      world.addFault({ match: { key: 'P-1' }, refuse: 'every' });
      let process = world.settle(world.upload({ persons: [person('P-1')] }));

      for (let retry = 0; retry < 3; retry++) {
        process = world.settle(world.perform(process, 'retry'));
        expect(process.status).toBe('FAILED');
      }
      expect(process.entities[0]).toMatchObject({ status: 'NOT_CREATED', sends: 4 });
      expect(world.faults[0]?.sends).toBe(4);
    });

    it('a rule refusing the first 2 sends refuses the dispatch and one retry, then lets go', () => {
      const world = new ModelWorld();
      world.addFault({ match: { key: 'P-1' }, refuse: { first: 2 } });
      const failed = world.settle(world.upload({ persons: [person('P-1')] }));

      const failedAgain = world.settle(world.perform(failed, 'retry'));
      const done = world.settle(world.perform(failedAgain, 'retry'));

      expect(failed.status).toBe('FAILED');
      expect(failedAgain.status).toBe('FAILED');
      expect(done.status).toBe('DONE');
      expect(done.entities[0]).toMatchObject({ status: 'CREATED', sends: 3, retrySends: 2 });
    });

    it('"first N" counts the matching sends of all entities, in dispatch order', () => {
      const world = new ModelWorld();
      world.addFault({ match: { type: 'PERSON.PERSON' }, refuse: { first: 1 } });

      const failed = world.settle(world.upload({ persons: [person('P-1'), person('P-2')] }));

      expect(statuses(failed)).toEqual({
        'PERSON.PERSON P-1': 'NOT_CREATED',
        'PERSON.PERSON P-2': 'CREATED',
      });
    });

    it('a rule matched by type refuses only entities of that type', () => {
      const world = new ModelWorld();
      world.hold('PERSON.PERSON', 'P-0');
      world.addFault({ match: { type: 'ACCOUNT.ACCOUNT' }, refuse: 'every' });

      const failed = world.settle(
        world.upload({ persons: [person('P-1')], accounts: [account('A-1', 'P-0')] }),
      );

      expect(statuses(failed)).toEqual({
        'PERSON.PERSON P-1': 'CREATED',
        'ACCOUNT.ACCOUNT A-1': 'NOT_CREATED',
      });
    });

    it('a rule matched by key refuses only the entity with that key', () => {
      const world = new ModelWorld();
      world.addFault({ match: { key: 'P-2' }, refuse: 'every' });

      const failed = world.settle(
        world.upload({ persons: [person('P-1'), person('P-2'), person('P-3')] }),
      );

      expect(statuses(failed)).toEqual({
        'PERSON.PERSON P-1': 'CREATED',
        'PERSON.PERSON P-2': 'NOT_CREATED',
        'PERSON.PERSON P-3': 'CREATED',
      });
    });

    it('a rule matched by type and key refuses only the entity with both', () => {
      const world = new ModelWorld();
      world.hold('PERSON.PERSON', 'P-0');
      // A person and an account may share a key; the rule names the account.
      world.addFault({ match: { type: 'ACCOUNT.ACCOUNT', key: 'K-1' }, refuse: 'every' });

      const failed = world.settle(
        world.upload({
          persons: [person('K-1')],
          accounts: [account('K-1', 'P-0'), account('K-2', 'P-0')],
        }),
      );

      expect(statuses(failed)).toEqual({
        'PERSON.PERSON K-1': 'CREATED',
        'ACCOUNT.ACCOUNT K-1': 'NOT_CREATED',
        'ACCOUNT.ACCOUNT K-2': 'CREATED',
      });
    });

    it('a rule with an empty match refuses every entity', () => {
      const world = new ModelWorld();
      world.addFault({ match: {}, refuse: 'every' });

      const failed = world.settle(world.upload({ persons: [person('P-1'), person('P-2')] }));

      expect(statuses(failed)).toEqual({
        'PERSON.PERSON P-1': 'NOT_CREATED',
        'PERSON.PERSON P-2': 'NOT_CREATED',
      });
      expect(world.held.size).toBe(0);
    });

    it('counts each matching send on every matching rule, and names the first that refuses', () => {
      const world = new ModelWorld();
      world.addFault({ match: { type: 'PERSON.PERSON' }, refuse: { first: 1 } });
      world.addFault({ match: { key: 'P-1' }, refuse: 'every' });
      world.addFault({ match: { type: 'LOAN.CONTRACT' }, refuse: 'every' });
      const sending = world.until(
        world.upload({ persons: [person('P-1'), person('P-2')] }),
        'SENDING',
      );

      const result = resolveDispatch(sending, world.context());

      expect(result.faults.map((rule) => [rule.id, rule.sends])).toEqual([
        ['F-1', 2],
        ['F-2', 1],
        ['F-3', 0],
      ]);
      expect(result.process.entities[0]?.refusal).toBe('refused by fault rule F-1');
      expect(result.process.entities[1]?.status).toBe('CREATED');
    });

    it('leaves the fault rules of the context untouched and returns updated copies', () => {
      const world = new ModelWorld();
      world.addFault({ match: { key: 'P-1' }, refuse: 'every' });
      const sending = world.until(world.upload({ persons: [person('P-1')] }), 'SENDING');
      const context = world.context();

      const result = resolveDispatch(sending, context);

      expect(context.faults[0]?.sends).toBe(0);
      expect(result.faults[0]?.sends).toBe(1);
    });
  });
});
