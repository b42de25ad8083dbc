import { describe, expect, it } from 'vitest';
import { TargetError } from '../../errors/target-error.js';
import { formatExploreFailure } from '../../explore/report/format-explore.js';
import fc from 'fast-check';
import { caseArbitrary } from '../../explore/generators/case-arbitrary.js';
import { explore } from '../../explore/runner/explore.js';
import { runCase } from '../../explore/runner/run-case.js';
import { startSimulator } from '../../simulator/start-simulator.js';

/** Set EXPLORE_SEED to explore again what a failed run explored. */
const SEED = Number(process.env['EXPLORE_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = 40;

describe('randomised exploration over the HTTP simulator', () => {
  it(`finds the simulator agreeing with the oracle and every invariant in ${RUNS} cases (seed ${SEED})`, async () => {
    const result = await explore({ runs: RUNS, seed: SEED, outDir: 'reports/explore' });

    expect(result.failure, formatExploreFailure(result)).toBeNull();
    expect(result.runs).toBe(RUNS);
    expect(result.processes).toBeGreaterThan(RUNS);
  }, 60_000);

  it('compares the transitions the simulator recorded with the oracle’s (T-1…T-16)', async () => {
    const simulator = await startSimulator({ pace: 'instant' });
    try {
      const [generated] = fc.sample(caseArbitrary(), { numRuns: 1, seed: 3 });
      if (generated === undefined) throw new Error('no case generated');
      const target = { kind: 'simulator' as const, url: simulator.url };
      const wrong = {
        ...generated,
        histories: generated.histories.map((history) => history && [...history, 'T-16']),
      };

      expect((await runCase(generated, target)).failure).toBeNull();
      expect((await runCase(wrong, target)).failure).toMatchObject({
        kind: 'history',
        rules: ['T-16'],
      });
    } finally {
      await simulator.close();
    }
  });

  it('stops with a TargetError, not a finding, when the target goes away mid-run', async () => {
    const simulator = await startSimulator({ pace: 'instant' });
    const stop: { closing?: Promise<void> } = {};
    const run = explore({
      runs: 50,
      seed: 5,
      target: { kind: 'provider', url: simulator.url },
      onProgress: (progress) => {
        if (progress.done === 2) stop.closing ??= simulator.close();
      },
    });

    await expect(run).rejects.toBeInstanceOf(TargetError);
    await stop.closing;
  }, 60_000);
});
