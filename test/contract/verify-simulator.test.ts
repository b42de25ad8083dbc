import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACT_FILE_NAME, PACTS_DIR } from '../../contracts/contract-names.js';
import { resolvePactSources } from '../../contracts/verifier/pact-sources.js';
import { verifyProvider } from '../../contracts/verifier/verify-provider.js';
import { startSimulator } from '../../simulator/start-simulator.js';
import { contractFixture, descriptionsOf, OTHER_TEAM_PACT } from './support.js';

const OWN_PACT = join(PACTS_DIR, PACT_FILE_NAME);

/** The interactions whose states need the control API: FAILED and `a user exists`. */
const NEEDS_SIMULATOR = [
  'a discard-failed-entities of a process in FAILED',
  'a login with the credentials of a known user',
  'a retry of a process in FAILED',
  'a status read of a process in FAILED',
];

async function verify(files: readonly string[], providerBaseUrl?: string) {
  const sources = resolvePactSources(files, []);
  return verifyProvider({
    pactUrls: sources.pactUrls,
    localInteractions: sources.localInteractions,
    ...(providerBaseUrl === undefined ? {} : { providerBaseUrl }),
  });
}

describe('verifying the simulator against pacts', () => {
  it('the embedded simulator honours every interaction of the committed pact', async () => {
    const summary = await verify([OWN_PACT]);

    expect(summary.interactions.filter((item) => item.outcome !== 'passed')).toEqual([]);
    expect(summary.interactions.map((item) => item.description).sort()).toEqual(
      descriptionsOf(OWN_PACT).sort(),
    );
    expect(summary.interactions.every((item) => item.consumer === 'import-harness-client')).toBe(
      true,
    );
    expect(summary.provider.kind).toBe('embedded simulator');
  });

  it('the embedded simulator honours the hand-written pact of another consumer', async () => {
    const summary = await verify([OTHER_TEAM_PACT]);

    expect(summary.interactions.filter((item) => item.outcome !== 'passed')).toEqual([]);
    expect(summary.passed).toBe(descriptionsOf(OTHER_TEAM_PACT).length);
    expect(summary.interactions[0]?.consumer).toBe('migration-dashboard');
  });

  it('states that need a simulator make interactions not verifiable on a provider without control API', async () => {
    const provider = await startSimulator({ controlApi: false });
    try {
      const summary = await verify([OWN_PACT], provider.url);

      const notVerifiable = summary.interactions.filter(
        (item) => item.outcome === 'not-verifiable',
      );
      expect(notVerifiable.map((item) => item.description).sort()).toEqual(NEEDS_SIMULATOR);
      expect(notVerifiable.every((item) => item.reason?.startsWith('needs simulator: '))).toBe(
        true,
      );
      expect(summary).toMatchObject({
        provider: { kind: 'provider' },
        passed: descriptionsOf(OWN_PACT).length - NEEDS_SIMULATOR.length,
        failed: 0,
        notVerifiable: NEEDS_SIMULATOR.length,
      });
    } finally {
      await provider.close();
    }
  });

  it('an unknown provider state fails its interaction and lists the catalogue', async () => {
    const summary = await verify([contractFixture('unknown-state.pact.json')]);

    expect(summary.failed).toBe(1);
    expect(summary.interactions[0]?.reason).toContain(
      'Provider state "the import is nearly done" is not in the catalogue (reference section 12). ' +
        'Use one of: "an import process exists in status" (status, valid, invalid, refused, tenant);',
    );
  });

  it('a provider answer that differs from the contract fails with the mismatch', async () => {
    const summary = await verify([contractFixture('wrong-expectation.pact.json')]);

    expect(summary.interactions).toMatchObject([
      {
        consumer: 'hopeful-consumer',
        outcome: 'failed',
        mismatches: ["$.data.statusCode: Expected 'ERROR' (String) to be equal to 'DONE' (String)"],
      },
    ]);
  });
});
