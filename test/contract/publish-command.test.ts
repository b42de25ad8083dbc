import { describe, expect, it } from 'vitest';
import { runCliWithEnv } from './support.js';

// There is no Pact Broker here: these tests stop before anything is sent.
describe('import-harness publish', () => {
  it('exits 2 and names the variable when PACT_BROKER_BASE_URL is missing', async () => {
    const run = await runCliWithEnv({ PACT_BROKER_TOKEN: 'secret' }, 'publish');

    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'import-harness publish: PACT_BROKER_BASE_URL is not set: name the Pact Broker to publish ' +
        'to, e.g. PACT_BROKER_BASE_URL=https://broker.example.com, with PACT_BROKER_TOKEN ' +
        '(or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD).\n',
    );
  });

  it('exits 2 when the broker has no credentials, or only half of them', async () => {
    const none = await runCliWithEnv({ PACT_BROKER_BASE_URL: 'https://broker.test' }, 'publish');
    const half = await runCliWithEnv(
      { PACT_BROKER_BASE_URL: 'https://broker.test', PACT_BROKER_USERNAME: 'ci' },
      'publish',
    );

    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain(
      'No Pact Broker credentials: set PACT_BROKER_TOKEN, or both PACT_BROKER_USERNAME and ' +
        'PACT_BROKER_PASSWORD.',
    );
    expect(half.exitCode).toBe(2);
    expect(half.stderr).toContain('PACT_BROKER_PASSWORD (only one of them is set).');
  });

  it('exits 2 when the broker URL is not a URL', async () => {
    const run = await runCliWithEnv(
      { PACT_BROKER_BASE_URL: 'broker.test', PACT_BROKER_TOKEN: 'secret' },
      'publish',
    );

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'PACT_BROKER_BASE_URL must be an http or https URL; got "broker.test".',
    );
  });

  it('exits 2 when no consumer version is given', async () => {
    const run = await runCliWithEnv(
      { PACT_BROKER_BASE_URL: 'https://broker.test', PACT_BROKER_TOKEN: 'secret' },
      'publish',
    );

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'publish needs the consumer version: --consumer-version V (or PACT_CONSUMER_VERSION)',
    );
  });
});
