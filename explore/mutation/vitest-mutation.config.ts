/**
 * The tests Stryker runs against mutants of model/ (stryker.config.json). By default: the
 * model's own unit tests and the explorer's suites over the HTTP simulator — the property,
 * with a fixed seed (a mutation run must be repeatable), the sweeps and the open findings.
 * `MUTATION_SUITE=model` runs the model's unit tests alone, to see what the explorer adds.
 *
 * Left out: suites that spawn a child process (a mutant is not active in the child, so they
 * cannot kill it), and the HTTP and Pact suites, which are edited alongside this work and
 * whose time-outs do not survive the load of a mutation run.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The explorer's suites that drive the simulator. The others prove the explorer itself
// (generators, oracle, CLI, a broken simulator) and would cost minutes per mutant.
const explorer =
  process.env['MUTATION_SUITE'] === 'model'
    ? []
    : [
        'test/explore/explore-http.test.ts',
        'test/explore/sweeps-http.test.ts',
        'test/explore/findings.test.ts',
      ];

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['model/**/*.test.ts', ...explorer],
    exclude: ['node_modules/**'],
    env: { PACT_DO_NOT_TRACK: 'true', EXPLORE_SEED: '20261204' },
    testTimeout: 60_000,
  },
});
