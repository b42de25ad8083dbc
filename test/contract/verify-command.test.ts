import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACT_FILE_NAME, PACTS_DIR } from '../../contracts/contract-names.js';
import { ImportApiClient } from '../../client/import-api-client.js';
import { startSimulator } from '../../simulator/start-simulator.js';
import { runCliCaptured } from '../support/run-cli.js';
import { contractFixture, descriptionsOf, OTHER_TEAM_PACT } from './support.js';

const OWN_PACT = join(PACTS_DIR, PACT_FILE_NAME);

function lastLine(text: string): string | undefined {
  return text.trimEnd().split('\n').at(-1);
}

describe('import-harness verify', () => {
  it('verifies the bundled pacts on an embedded simulator, a line per interaction', async () => {
    const run = await runCliCaptured('verify');

    const count = descriptionsOf(OWN_PACT).length;
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.match(/^✓ import-harness-client {2}/gm)).toHaveLength(count);
    expect(run.stdout).toMatch(
      /^✓ import-harness-client {2}an upload of an import file \(\d+m?s\)$/m,
    );
    expect(run.stdout).toMatch(/^Provider: embedded simulator · \d+ ms$/m);
    expect(lastLine(run.stdout)).toBe(`${count} passed, 0 failed, 0 not verifiable`);
  });

  it('reports interactions that need a simulator as not verifiable, and exits 0', async () => {
    const provider = await startSimulator({ controlApi: false });
    try {
      const run = await runCliCaptured('verify', '--provider-base-url', provider.url);

      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(
        '- import-harness-client  a retry of a process in FAILED not verifiable on this ' +
          'provider: ' +
          'needs simulator: FAILED needs a fault rule that makes the target refuse an entity; ' +
          'this provider has no control API (state "an import process exists in status" ' +
          '{"status":"FAILED"})',
      );
      expect(run.stdout).toContain(`Provider: ${provider.url} (no control API)`);
      expect(lastLine(run.stdout)).toBe(
        `${descriptionsOf(OWN_PACT).length - 4} passed, 0 failed, 4 not verifiable`,
      );
    } finally {
      await provider.close();
    }
  });

  it('exits 1 and shows the mismatch when the provider breaks a contract', async () => {
    const run = await runCliCaptured(
      'verify',
      '--pact-url',
      contractFixture('wrong-expectation.pact.json'),
      '--pact-url',
      OTHER_TEAM_PACT,
    );

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        String.raw`^✗ hopeful-consumer {2}a status read that expects an ERROR process to be ` +
          String.raw`DONE \(\d+ms\)\n {4}the answer differs from the contract\n {4}` +
          String.raw`\$\.data\.statusCode: Expected 'ERROR' \(String\) to be equal to ` +
          String.raw`'DONE' \(String\)$`,
        'm',
      ),
    );
    const passed = /^✓ migration-dashboard {2}the dashboard reads a rejected import/m;
    expect(run.stdout).toMatch(passed);
    expect(lastLine(run.stdout)).toBe('6 passed, 1 failed, 0 not verifiable');
  });

  it('uses --token for state set-ups and requests that send a token, adding none', async () => {
    // A simulator with users accepts only tokens it issued, so every interaction needs --token.
    const provider = await startSimulator({
      users: [{ username: 'import-harness', password: 'import-harness' }],
    });
    try {
      const login = await new ImportApiClient({ baseUrl: provider.url }).authorise(
        'import-harness',
        'import-harness',
      );
      const token = login.data?.token ?? '';

      const run = await runCliCaptured(
        'verify',
        '--provider-base-url',
        provider.url,
        '--token',
        token,
      );

      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/^✓ import-harness-client {2}an upload without a token /m);
      expect(lastLine(run.stdout)).toMatch(/^\d+ passed, 0 failed, 0 not verifiable$/);
    } finally {
      await provider.close();
    }
  });

  it('exits 2 with one line for bad flags and files, before anything runs', async () => {
    const cases: Array<[string[], string]> = [
      [['--frobnicate'], "Unknown option '--frobnicate'"],
      [
        ['--provider-base-url', 'localhost:4010'],
        '--provider-base-url must be an http or https URL',
      ],
      [['--pact-url', '/no/such/pact.json'], 'No pact file at /no/such/pact.json (--pact-url)'],
      [['--pact-dir', '/no/such/folder'], 'No folder at /no/such/folder (--pact-dir)'],
      [
        ['--pact-url', contractFixture('not-a-pact.json')],
        'is not a pact file: it needs "consumer": {"name"} and an "interactions" list.',
      ],
      [['--publish'], '--publish applies only with --broker-url URL.'],
      [['--broker-url', 'http://127.0.0.1:9', '--publish'], '--publish needs --provider-version V'],
    ];
    for (const [args, message] of cases) {
      const run = await runCliCaptured('verify', ...args);

      expect(run.exitCode, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('exits 2 naming a provider that does not answer', async () => {
    const closed = await startSimulator();
    await closed.close();

    const run = await runCliCaptured('verify', '--provider-base-url', closed.url);

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        String.raw`^import-harness verify: Could not reach the provider at ` +
          String.raw`http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED\. Check --provider-base-url\.\n$`,
      ),
    );
  });

  it('exits 2 when no pact can be loaded from the URL it is given', async () => {
    const closed = await startSimulator();
    await closed.close();

    const run = await runCliCaptured('verify', '--pact-url', `${closed.url}/pacts/gone.json`);

    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `import-harness verify: No interaction could be verified: Failed to load pact: ` +
        `Failed to load pact '${closed.url}/pacts/gone.json'`,
    );
  });
});
