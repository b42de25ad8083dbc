import { describe, expect, it } from 'vitest';
import type { Action } from './apply-action.js';
import type { ImportProcess } from './import-process.js';
import type { ProcessStatus } from './statuses.js';
import { account, invalidPerson, ModelWorld, person, processIn } from './test-support.js';

const statuses = (process: ImportProcess): Record<string, string> =>
  Object.fromEntries(
    process.entities.map((entity) => [`${entity.type} ${entity.key}`, entity.status]),
  );

/** REJECTED with P-1 valid and P-2 invalid. */
function rejected(world: ModelWorld): ImportProcess {
  return world.settle(world.upload({ persons: [person('P-1'), invalidPerson('P-2')] }));
}

/** FAILED with P-1 and account A-1 (of the tenant's P-0) created and P-2 refused. */
function failed(world: ModelWorld): ImportProcess {
  world.hold('PERSON.PERSON', 'P-0');
  world.addFault({ match: { key: 'P-2' }, refuse: 'every' });
  return world.settle(
    world.upload({ persons: [person('P-1'), person('P-2')], accounts: [account('A-1', 'P-0')] }),
  );
}

/** FAILED with nothing created: its only person is refused. */
function failedWithNothingCreated(world: ModelWorld): ImportProcess {
  world.addFault({ match: { key: 'P-1' }, refuse: 'every' });
  return world.settle(world.upload({ persons: [person('P-1')] }));
}

describe('applyAction', () => {
  it('T-12 discards every entity of a REJECTED process and creates nothing', () => {
    const world = new ModelWorld();

    const result = world.act(rejected(world), 'discard');

    expect(result.ok && result.step.transition).toBe('T-12');
    const process = result.ok ? result.step.process : null;
    expect(process?.status).toBe('DISCARDED');
    expect(statuses(process ?? rejected(world))).toEqual({
      'PERSON.PERSON P-1': 'DISCARDED',
      'PERSON.PERSON P-2': 'DISCARDED',
    });
    expect(world.held.size).toBe(0);
  });

  it('T-13 discards invalid entities and sends the valid rest (PARTIALLY_APPROVED)', () => {
    const world = new ModelWorld();

    const result = world.act(rejected(world), 'discard-rejected-entities');

    expect(result.ok && result.step.transition).toBe('T-13');
    const process = result.ok ? result.step.process : null;
    expect(process?.status).toBe('PARTIALLY_APPROVED');
    expect(statuses(process ?? rejected(world))).toEqual({
      'PERSON.PERSON P-1': 'VALID',
      'PERSON.PERSON P-2': 'DISCARDED',
    });
  });

  it('T-13 ends in DISCARDED when no valid entity is left', () => {
    const world = new ModelWorld();
    const allInvalid = world.settle(world.upload({ persons: [invalidPerson('P-1')] }));

    const result = world.act(allInvalid, 'discard-rejected-entities');

    expect(result.ok && result.step.transition).toBe('T-13');
    expect(result.ok && result.step.process.status).toBe('DISCARDED');
    expect(result.ok && statuses(result.step.process)).toEqual({
      'PERSON.PERSON P-1': 'DISCARDED',
    });
  });

  it('T-14 discards a FAILED process and keeps the entities already created, by default', () => {
    const world = new ModelWorld();

    const result = world.act(failed(world), 'discard');

    expect(result.ok && result.step.transition).toBe('T-14');
    const process = result.ok ? result.step.process : null;
    expect(process?.status).toBe('DISCARDED');
    expect(process && statuses(process)).toEqual({
      'PERSON.PERSON P-1': 'CREATED',
      'PERSON.PERSON P-2': 'DISCARDED',
      'ACCOUNT.ACCOUNT A-1': 'CREATED',
    });
    expect(result.ok && result.step.removed).toEqual([]);
    expect(world.holds('PERSON.PERSON', 'P-1')).toBe(true);
    expect(world.holds('ACCOUNT.ACCOUNT', 'A-1')).toBe(true);
  });

  it("T-14 with discardFromFailed 'rollback' removes the entities this process created", () => {
    const world = new ModelWorld({ discardFromFailed: 'rollback' });

    const result = world.act(failed(world), 'discard');

    const process = result.ok ? result.step.process : null;
    expect(process?.status).toBe('DISCARDED');
    expect(process && statuses(process)).toEqual({
      'PERSON.PERSON P-1': 'DISCARDED',
      'PERSON.PERSON P-2': 'DISCARDED',
      'ACCOUNT.ACCOUNT A-1': 'DISCARDED',
    });
    expect(result.ok && result.step.removed).toEqual([
      { type: 'PERSON.PERSON', key: 'P-1', processId: 'DIM-1', reference: null },
      { type: 'ACCOUNT.ACCOUNT', key: 'A-1', processId: 'DIM-1', reference: 'P-0' },
    ]);
    expect(world.holds('PERSON.PERSON', 'P-1')).toBe(false);
    expect(world.holds('ACCOUNT.ACCOUNT', 'A-1')).toBe(false);
  });

  it("T-14 with discardFromFailed 'rollback' leaves entities of earlier imports in place", () => {
    const world = new ModelWorld({ discardFromFailed: 'rollback' });

    world.act(failed(world), 'discard');

    expect(world.holds('PERSON.PERSON', 'P-0')).toBe(true);
  });

  it('T-14 ends in DISCARDED with nothing created when nothing was', () => {
    const world = new ModelWorld();

    const result = world.act(failedWithNothingCreated(world), 'discard');

    expect(result.ok && result.step.process.status).toBe('DISCARDED');
    expect(result.ok && statuses(result.step.process)).toEqual({
      'PERSON.PERSON P-1': 'DISCARDED',
    });
    expect(world.held.size).toBe(0);
  });

  it('T-15 discards the entities not created and ends PARTIALLY_DONE', () => {
    const world = new ModelWorld();

    const result = world.act(failed(world), 'discard-failed-entities');

    expect(result.ok && result.step.transition).toBe('T-15');
    const process = result.ok ? result.step.process : null;
    expect(process?.status).toBe('PARTIALLY_DONE');
    expect(process && statuses(process)).toEqual({
      'PERSON.PERSON P-1': 'CREATED',
      'PERSON.PERSON P-2': 'DISCARDED',
      'ACCOUNT.ACCOUNT A-1': 'CREATED',
    });
    expect(world.holds('PERSON.PERSON', 'P-1')).toBe(true);
  });

  it('T-15 ends in DISCARDED when nothing was ever created', () => {
    const world = new ModelWorld();

    const result = world.act(failedWithNothingCreated(world), 'discard-failed-entities');

    expect(result.ok && result.step.transition).toBe('T-15');
    expect(result.ok && result.step.process.status).toBe('DISCARDED');
  });

  it('T-16 sends again only the entities not created, counting each send as a retry', () => {
    const world = new ModelWorld();

    const result = world.act(failed(world), 'retry');

    expect(result.ok && result.step.transition).toBe('T-16');
    const process = result.ok ? result.step.process : null;
    expect(process?.status).toBe('SENDING');
    expect(
      process?.entities.map((entity) => [
        entity.key,
        entity.status,
        entity.sends,
        entity.retrySends,
      ]),
    ).toEqual([
      ['P-1', 'CREATED', 1, 0],
      ['P-2', 'SENT', 2, 1],
      ['A-1', 'CREATED', 1, 0],
    ]);
    expect(result.ok && result.step.created).toEqual([]);
  });

  it('T-16 then T-9: a retry that succeeds ends the process in DONE', () => {
    const world = new ModelWorld();
    world.addFault({ match: { key: 'P-2' }, refuse: { first: 1 } });
    const failedOnce = world.settle(world.upload({ persons: [person('P-1'), person('P-2')] }));

    const sending = world.perform(failedOnce, 'retry');
    const result = world.step(sending);

    expect(result?.transition).toBe('T-9');
    expect(result?.process.status).toBe('DONE');
    expect(result?.created.map((entity) => entity.key)).toEqual(['P-2']);
  });

  it('T-16 then T-11: a retry may fail again, and retrying stays allowed', () => {
    const world = new ModelWorld();
    let process = failed(world);

    for (let retry = 1; retry <= 3; retry++) {
      process = world.settle(world.perform(process, 'retry'));
      expect(process.status).toBe('FAILED');
      expect(process.history.at(-1)?.transition).toBe('T-11');
    }
    expect(process.entities[1]).toMatchObject({ key: 'P-2', sends: 4, retrySends: 3 });
  });

  it('does not change the process it is given', () => {
    const world = new ModelWorld();
    const process = failed(world);
    const before = structuredClone(process);

    world.act(process, 'retry');

    expect(process).toEqual(before);
  });

  describe('D-1: an action from a status that does not allow it', () => {
    // Written from the table of section 4: where each action is allowed.
    const allowedFrom: Record<Action, ProcessStatus[]> = {
      discard: ['REJECTED', 'FAILED'],
      'discard-rejected-entities': ['REJECTED'],
      'discard-failed-entities': ['FAILED'],
      retry: ['FAILED'],
    };
    const everyStatus: ProcessStatus[] = [
      'INSERTED',
      'PARSING',
      'ERROR',
      'PARSED',
      'VALIDATING',
      'REJECTED',
      'APPROVED',
      'PARTIALLY_APPROVED',
      'SENDING',
      'FAILED',
      'DONE',
      'PARTIALLY_DONE',
      'DISCARDED',
    ];
    const refused = (Object.keys(allowedFrom) as Action[]).flatMap((action) =>
      everyStatus
        .filter((status) => !allowedFrom[action].includes(status))
        .map((status) => [action, status] as const),
    );

    it.each(refused)('D-1 refuses %s from %s and changes nothing', (action, status) => {
      const world = new ModelWorld();
      const process = processIn(world, status);
      expect(process.status).toBe(status);
      const before = structuredClone(process);
      const tenantBefore = [...world.held];

      const result = world.act(process, action);

      expect(result.ok).toBe(false);
      expect(!result.ok && result.refusal).toMatchObject({
        code: 'err.importProcessStatusInvalid',
        action,
        status,
      });
      expect(!result.ok && result.refusal.message).toContain(status);
      expect(process).toEqual(before);
      expect([...world.held]).toEqual(tenantBefore);
    });

    it('D-1 covers each action from each status that does not allow it (4 × 13 − 5 = 47)', () => {
      expect(refused).toHaveLength(47);
    });
  });

  it.each<ProcessStatus>(['ERROR', 'DONE', 'PARTIALLY_DONE', 'DISCARDED'])(
    'S-1 refuses every action on a process in the final status %s',
    (status) => {
      const world = new ModelWorld();
      const final = processIn(world, status);
      const actions: Action[] = [
        'discard',
        'discard-rejected-entities',
        'discard-failed-entities',
        'retry',
      ];

      for (const action of actions) expect(world.act(final, action).ok).toBe(false);
    },
  );
});
