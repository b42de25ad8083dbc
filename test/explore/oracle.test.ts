import { describe, expect, it } from 'vitest';
import { OracleWorld } from '../../explore/oracle/oracle-world.js';
import { PossibleWorlds } from '../../explore/oracle/possible-worlds.js';
import {
  account,
  act,
  createdKeys,
  invalidPerson,
  person,
  TENANT,
  upload,
  view,
} from './support/oracle-helpers.js';

describe('the oracle: uploads and technical validation', () => {
  it('answers an upload 202 INSERTED and rests in DONE when every entity is created (T-1…T-9)', () => {
    const world = new OracleWorld();
    expect(upload(world, 'p1', { persons: [person('P1')] })).toEqual({
      http: 202,
      status: 'INSERTED',
      process: 'p1',
    });
    expect(view(world, 'p1').status).toBe('DONE');
    expect(world.process('p1')?.transitions).toEqual([
      'T-1',
      'T-2',
      'T-4',
      'T-5',
      'T-7',
      'T-8',
      'T-9',
    ]);
    expect(createdKeys(world)).toEqual(['P1']);
  });

  it('ends an unreadable file in ERROR with null validation and dispatch (T-3, section 7)', () => {
    const world = new OracleWorld();
    upload(world, 'p1', null, { text: '{"persons": [' });
    expect(view(world, 'p1')).toEqual({
      status: 'ERROR',
      validation: null,
      errors: null,
      dispatch: null,
    });
  });

  it('refuses a batch already imported, and frees it once its process ended in ERROR (H-1)', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [person('P1')] }, { sourceRef: 'b1' });
    expect(upload(world, 'p2', { persons: [person('P2')] }, { sourceRef: 'b1' })).toEqual({
      http: 400,
      errors: ['err.importSourceRefExists'],
    });
    upload(world, 'p3', {}, { sourceRef: 'b2' });
    expect(upload(world, 'p4', { persons: [person('P4')] }, { sourceRef: 'b2' }).http).toBe(202);
  });

  it('answers a repeated x-request-id with the first answer and performs nothing again', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [person('P1')] }, { requestId: 'r1' });
    expect(upload(world, 'p2', { persons: [person('P2')] }, { requestId: 'r1' })).toEqual({
      http: 202,
      status: 'INSERTED',
      process: 'p1',
    });
    expect(world.process('p2')).toBeUndefined();
  });
});

describe('the oracle: data validation', () => {
  it('reports every problem of a rejected file, and creates nothing (T-6, V-2)', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [person('P1'), invalidPerson('P2')] });
    const status = view(world, 'p1');
    expect(status.status).toBe('REJECTED');
    expect(status.errors).toEqual([
      { key: 'P2', code: 'err.idNumberOnePrimaryRequired', field: 'identificationNumbers' },
    ]);
    expect(status.validation?.['PERSON.PERSON']).toEqual({
      statusCode: 'FAILED',
      entryCount: 2,
      processedCount: 2,
    });
    expect(status.dispatch).toBeNull();
    expect(createdKeys(world)).toEqual([]);
  });

  it('judges the first copy of a key on its merits and rejects the later ones (V-6)', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [person('P1'), person('P1')] });
    expect(view(world, 'p1').errors).toEqual([
      { key: 'P1', code: 'err.personExists', field: 'externalPersonId' },
    ]);
  });

  it('rejects a reference to an entity of the same file unless same-file references are on (V-7)', () => {
    const strict = new OracleWorld();
    const lenient = new OracleWorld({ sameFileReferences: true });
    const file = { persons: [person('P1')], accounts: [account('A1', 'P1')] };
    upload(strict, 'p1', file);
    upload(lenient, 'p1', file);
    expect(view(strict, 'p1').errors).toEqual([
      { key: 'A1', code: 'err.accountPersonNotFound', field: 'externalPersonId' },
    ]);
    expect(view(lenient, 'p1').status).toBe('DONE');
  });

  it('names the customer type as documented, customerType (V-1)', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [person('P1', { customerTypeCode: 'someTypeCode' })] });
    expect(view(world, 'p1').errors).toEqual([
      { key: 'P1', code: 'err.personCustomerTypeInvalid', field: 'customerType' },
    ]);
  });

  it('counts an empty string in an optional field as missing, so as no problem', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [person('P1', { birthDate: '' })] });
    expect(view(world, 'p1').status).toBe('DONE');
  });
});

describe('the oracle: actions', () => {
  it('discards the invalid entities and sends the valid rest (T-13, T-10)', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [person('P1'), invalidPerson('P2')] });
    expect(act(world, 'p1', 'discard-rejected-entities')).toEqual({
      http: 200,
      status: 'PARTIALLY_APPROVED',
      process: 'p1',
    });
    expect(view(world, 'p1').status).toBe('PARTIALLY_DONE');
    expect(createdKeys(world)).toEqual(['P1']);
  });

  it('ends in DISCARDED when no valid entity is left to send (T-13)', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [invalidPerson('P1')] });
    expect(act(world, 'p1', 'discard-rejected-entities').status).toBe('DISCARDED');
  });

  it('refuses an action the status does not allow and changes nothing (D-1)', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [invalidPerson('P1')] });
    expect(act(world, 'p1', 'retry')).toEqual({
      http: 400,
      errors: ['err.importProcessStatusInvalid'],
    });
    expect(view(world, 'p1').status).toBe('REJECTED');
  });

  it('resends only the entities not created, counting each resend (T-16, C-4)', () => {
    const world = new OracleWorld();
    world.addFault({ key: 'P2', refuse: { first: 1 } });
    upload(world, 'p1', { persons: [person('P1'), person('P2')] });
    expect(view(world, 'p1').dispatch?.['PERSON.PERSON']).toEqual({
      statusCode: 'FAILED',
      entryCount: 2,
      dispatchedCount: 2,
      ackedCount: 1,
      nackedCount: 1,
      retryCount: 0,
    });
    expect(act(world, 'p1', 'retry').status).toBe('SENDING');
    expect(view(world, 'p1').dispatch?.['PERSON.PERSON']).toEqual({
      statusCode: 'SUCCESS',
      entryCount: 2,
      dispatchedCount: 2,
      ackedCount: 2,
      nackedCount: 0,
      retryCount: 1,
    });
    expect(view(world, 'p1').status).toBe('DONE');
  });

  it('keeps what a failed process created on a full discard, unless told to roll back (T-14)', () => {
    const kept = new OracleWorld();
    const rolledBack = new OracleWorld({ discardFromFailed: 'rollback' });
    for (const world of [kept, rolledBack]) {
      world.addFault({ key: 'P2', refuse: 'every' });
      upload(world, 'p1', { persons: [person('P1'), person('P2')] });
      expect(act(world, 'p1', 'discard').status).toBe('DISCARDED');
    }
    expect(createdKeys(kept)).toEqual(['P1']);
    expect(createdKeys(rolledBack)).toEqual([]);
  });

  it('is partially done after discarding the failed entities, discarded if none was created (T-15)', () => {
    const world = new OracleWorld();
    world.addFault({ key: 'P2', refuse: 'every' });
    world.addFault({ key: 'P3', refuse: 'every' });
    upload(world, 'p1', { persons: [person('P1'), person('P2')] });
    upload(world, 'p2', { persons: [person('P3')] });
    expect(act(world, 'p1', 'discard-failed-entities').status).toBe('PARTIALLY_DONE');
    expect(act(world, 'p2', 'discard-failed-entities').status).toBe('DISCARDED');
  });

  it('refuses at dispatch the same new person validated by two imports (section 10, T-11)', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [person('P1'), invalidPerson('X')] });
    upload(world, 'p2', { persons: [person('P1')] });
    act(world, 'p1', 'discard-rejected-entities');
    expect(view(world, 'p1').status).toBe('FAILED');
    expect(createdKeys(world)).toEqual(['P1']);
    expect(world.created(TENANT)[0]?.process).toBe('p2');
  });

  it('answers another tenant’s process as unknown (404)', () => {
    const world = new OracleWorld();
    upload(world, 'p1', { persons: [person('P1')] });
    expect(world.read('p1', { tenant: 'other', tokenSent: true }).http).toBe(404);
    expect(
      world.act('p1', 'discard', { tenant: 'other', tokenSent: true, requestId: null }).http,
    ).toBe(404);
  });
});

describe('the oracle: races', () => {
  it('lets exactly one of two conflicting actions win, whichever comes first (D-2)', () => {
    const worlds = new PossibleWorlds();
    worlds.upload({
      handle: 'p1',
      tenant: TENANT,
      tokenSent: true,
      requestId: null,
      sourceName: 'legacy-core',
      sourceRef: 'b1',
      body: {
        via: 'multipart',
        bytes: new TextEncoder().encode(
          JSON.stringify({ persons: [person('P1'), invalidPerson('P2')] }),
        ),
      },
    });
    expect(worlds.race('p1', ['discard', 'discard-rejected-entities'])).toBe(1);
    expect(worlds.count).toBe(2);
    expect(worlds.read('p1', { tenant: null, tokenSent: true }).status).toBeUndefined();
  });

  it('cannot say how many win when a first winner may leave the process FAILED again', () => {
    const worlds = new PossibleWorlds();
    worlds.addFault({ key: 'P1', refuse: 'every' });
    worlds.upload({
      handle: 'p1',
      tenant: TENANT,
      tokenSent: true,
      requestId: null,
      sourceName: 'legacy-core',
      sourceRef: 'b1',
      body: {
        via: 'multipart',
        bytes: new TextEncoder().encode(JSON.stringify({ persons: [person('P1')] })),
      },
    });
    expect(worlds.race('p1', ['retry', 'discard'])).toBeNull();
  });
});
