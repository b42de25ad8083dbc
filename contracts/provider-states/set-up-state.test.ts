import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../client/control-client.js';
import { ImportApiClient } from '../../client/import-api-client.js';
import { startSimulator, type RunningSimulator } from '../../simulator/start-simulator.js';
import { NeedsSimulatorError } from '../errors/needs-simulator-error.js';
import { StateSetupError } from '../errors/state-setup-error.js';
import { UnknownStateError } from '../errors/unknown-state-error.js';
import { HOLD_PACE_MS } from './reach-transient-status.js';
import { setUpState } from './set-up-state.js';
import { createStateContext, type StateContext } from './state-context.js';

let simulator: RunningSimulator;
let api: ImportApiClient;
let control: ControlClient;
/** A context with the control API, as against a simulator. */
let onSimulator: StateContext;
/** The same simulator seen as a provider without control API. */
let onProvider: StateContext;

beforeAll(async () => {
  simulator = await startSimulator({ pace: 'instant' });
  api = new ImportApiClient({ baseUrl: simulator.url });
  control = new ControlClient({ baseUrl: simulator.url });
  onSimulator = createStateContext({ client: api, control });
  onProvider = createStateContext({ client: api, control: null, pollMs: 5 });
});
afterAll(() => simulator.close());

const IN_STATUS = 'an import process exists in status';

async function statusOf(id: string | undefined): Promise<string | undefined> {
  return (await api.status(id ?? '')).data?.statusCode;
}

describe('an import process exists in status', () => {
  it.each(['ERROR', 'REJECTED', 'DONE', 'PARTIALLY_DONE', 'DISCARDED'])(
    'reaches %s through the public API alone',
    async (status) => {
      const setUp = await setUpState(IN_STATUS, { status }, onProvider);

      expect(await statusOf(setUp.values['importProcessId'])).toBe(status);
      expect(setUp.values['tenant']).toBe('harness');
    },
  );

  it('gives a new process with new entity keys each time it is set up', async () => {
    const first = await setUpState(IN_STATUS, { status: 'PARTIALLY_DONE', valid: 2 }, onProvider);
    const second = await setUpState(IN_STATUS, { status: 'PARTIALLY_DONE', valid: 2 }, onProvider);

    expect(first.values['importProcessId']).not.toBe(second.values['importProcessId']);
    expect(await statusOf(second.values['importProcessId'])).toBe('PARTIALLY_DONE');
  });

  it('puts the requested numbers of valid and invalid entities in the file', async () => {
    const setUp = await setUpState(
      IN_STATUS,
      { status: 'REJECTED', valid: 2, invalid: 3, tenant: 'bank-b' },
      onProvider,
    );

    const status = (await api.status(setUp.values['importProcessId'] ?? '')).data;
    const persons = status?.validationStatus?.find((row) => row.sourceName === 'PERSON.PERSON');
    expect(persons?.entryCount).toBe(5);
    expect(status?.validationErrors).toHaveLength(3);
    expect(setUp.values['tenant']).toBe('bank-b');
  });

  it('reaches FAILED with the requested refusals through a fault rule', async () => {
    const setUp = await setUpState(
      IN_STATUS,
      { status: 'FAILED', valid: 1, refused: 2 },
      onSimulator,
    );

    const status = (await api.status(setUp.values['importProcessId'] ?? '')).data;
    const persons = status?.dispatchStatus?.find((row) => row.sourceName === 'PERSON.PERSON');
    expect(status?.statusCode).toBe('FAILED');
    expect(persons).toMatchObject({ ackedCount: 1, nackedCount: 2 });
  });

  it('says FAILED needs a simulator when the provider has no control API', async () => {
    await expect(setUpState(IN_STATUS, { status: 'FAILED' }, onProvider)).rejects.toThrow(
      new NeedsSimulatorError(
        'needs simulator: FAILED needs a fault rule that makes the target refuse an entity; ' +
          'this provider has no control API',
      ),
    );
  });

  it('holds a transient status until teardown, then gives the simulator its pace back', async () => {
    const setUp = await setUpState(IN_STATUS, { status: 'VALIDATING', valid: 2 }, onSimulator);
    const id = setUp.values['importProcessId'];

    expect(await statusOf(id)).toBe('VALIDATING');
    expect((await control.readConfig()).data?.pace).toBe(HOLD_PACE_MS);
    await setUp.teardown?.();
    expect((await control.readConfig()).data?.pace).toBe('instant');
    expect(await statusOf(id)).toBe('DONE');
  });

  it('reaches PARTIALLY_APPROVED by discarding the rejected entity of a held process', async () => {
    const setUp = await setUpState(IN_STATUS, { status: 'PARTIALLY_APPROVED' }, onSimulator);

    expect(await statusOf(setUp.values['importProcessId'])).toBe('PARTIALLY_APPROVED');
    await setUp.teardown?.();
  });

  it.each([
    [{ valid: 1 }, 'Parameter "status" of state "an import process exists in status" is required'],
    [
      { status: 'DONE', invalid: 1 },
      'Parameter "invalid" of state "an import process exists in status" applies to status REJECTED only; got status DONE.',
    ],
    [
      { status: 'DONE', valid: 0 },
      'Status DONE needs at least 1 valid entity; parameter "valid" is 0.',
    ],
    [
      { status: 'DONE', valid: -1 },
      'Parameter "valid" of state "an import process exists in status" must be a whole number from 0 to 100; got -1.',
    ],
    [
      { status: 'DONE', colour: 'red' },
      'State "an import process exists in status" has no parameter "colour"; its parameters are status, valid, invalid, refused, tenant.',
    ],
  ])('refuses the parameters %j', async (params, message) => {
    await expect(setUpState(IN_STATUS, params, onProvider)).rejects.toThrow(StateSetupError);
    await expect(setUpState(IN_STATUS, params, onProvider)).rejects.toThrow(message);
  });
});

describe('the other catalogue states', () => {
  it('"a tenant holds a person" holds however often it is set up with the same key', async () => {
    const params = { tenant: 'bank-c', externalPersonId: 'P-FIXED-1' };

    const first = await setUpState('a tenant holds a person', params, onProvider);
    const second = await setUpState('a tenant holds a person', params, onProvider);

    expect(second.values).toEqual(first.values);
    const created = (await control.created('bank-c')).data?.entities ?? [];
    expect(created.filter((entity) => entity.key === 'P-FIXED-1')).toHaveLength(1);
  });

  it('"an import batch was already uploaded" claims the batch, however often it is set up', async () => {
    const params = { tenant: 'bank-d', sourceName: 'nightly', sourceRef: 'N-1' };
    await setUpState('an import batch was already uploaded', params, onProvider);
    await setUpState('an import batch was already uploaded', params, onProvider);

    const again = await api.upload({ ...params, parts: [{ content: '{"persons":[]}' }] });

    expect(again.errors).toEqual(['err.importSourceRefExists']);
  });

  it('"no import process exists with id" refuses an id that exists', async () => {
    const existing = await setUpState(IN_STATUS, { status: 'ERROR' }, onProvider);
    const id = existing.values['importProcessId'] ?? '';

    expect((await setUpState('no import process exists with id', {}, onProvider)).values).toEqual({
      importProcessId: 'DIM-404',
    });
    await expect(
      setUpState('no import process exists with id', { importProcessId: id }, onProvider),
    ).rejects.toThrow('Pass another "importProcessId".');
  });

  it('"a user exists" needs a simulator, and one that knows the user', async () => {
    const withUsers = await startSimulator({ users: [{ username: 'ops', password: 'right' }] });
    try {
      const context = createStateContext({
        client: new ImportApiClient({ baseUrl: withUsers.url }),
        control: new ControlClient({ baseUrl: withUsers.url }),
      });

      await expect(setUpState('a user exists', {}, onProvider)).rejects.toThrow(
        NeedsSimulatorError,
      );
      await expect(
        setUpState('a user exists', { username: 'ops', password: 'right' }, context),
      ).resolves.toEqual({ values: { username: 'ops', password: 'right' } });
      await expect(
        setUpState('a user exists', { username: 'ops', password: 'wrong' }, context),
      ).rejects.toThrow('The simulator refuses user "ops" (H-7 answered 401');
    } finally {
      await withUsers.close();
    }
  });

  it('a state outside the catalogue fails with the catalogue listed', async () => {
    await expect(setUpState('a process is nearly done', {}, onProvider)).rejects.toThrow(
      UnknownStateError,
    );
  });
});
