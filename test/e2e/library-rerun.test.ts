/**
 * What a user does with a long-running simulator: `serve` once, then `replay --target URL`
 * as often as they like. Nothing resets the simulator between scenarios or between runs, so
 * every scenario must keep its keys and batches apart from what is already there.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_LIBRARY } from '../../cli/commands/replay-command.js';
import { scenarioNeedsSimulator } from '../../scenarios/runner/needs-simulator.js';
import { loadScenarios, type ReplaySummary } from '../../scenarios/runner/replay.js';
import type { ScenarioResult } from '../../scenarios/runner/scenario-result.js';
import { startSimulator, type RunningSimulator } from '../../simulator/start-simulator.js';
import { runCliCaptured } from '../support/run-cli.js';

/** `replay --target` sees a provider: these scenarios need the control API and are skipped. */
const NEEDS_SIMULATOR = loadScenarios([BUNDLED_LIBRARY])
  .filter((loaded) => scenarioNeedsSimulator(loaded.scenario) !== null)
  .map((loaded) => loaded.id)
  .sort();

describe('the bundled library replayed twice against one long-running simulator', () => {
  let simulator: RunningSimulator;
  let reports: string;
  beforeAll(async () => {
    simulator = await startSimulator({ host: '127.0.0.1', pace: 'instant' });
    reports = mkdtempSync(join(tmpdir(), 'ih-rerun-'));
  });
  afterAll(async () => {
    await simulator.close();
    rmSync(reports, { recursive: true, force: true });
  });

  it('passes twice with no clash, skipping only scenarios that need the control API', async () => {
    const first = await replayAgainst(simulator.url, join(reports, 'first.json'));
    const afterFirst = simulator.engine.stats();
    const second = await replayAgainst(simulator.url, join(reports, 'second.json'));

    // Nothing was reset: the second run met every process and entity of the first.
    expect(afterFirst.processes.total).toBeGreaterThan(0);
    expect(simulator.engine.stats().processes.total).toBeGreaterThan(afterFirst.processes.total);
    expect(simulator.engine.stats().createdEntities).toBeGreaterThan(afterFirst.createdEntities);

    expect(NEEDS_SIMULATOR).toHaveLength(24);
    for (const run of [first, second]) {
      const failed = run.scenarios.filter((result) => result.outcome === 'failed');
      const skipped = run.scenarios.filter((result) => result.outcome === 'skipped');
      expect(failed.map(whyFailed)).toEqual([]);
      expect(skipped.map((result) => result.id).sort()).toEqual(NEEDS_SIMULATOR);
      expect(skipped.every((result) => result.reason?.startsWith('needs simulator:'))).toBe(true);
      expect(run.passed).toBe(run.scenarios.length - NEEDS_SIMULATOR.length);
      expect(run.skipped).toBe(NEEDS_SIMULATOR.length);
      expect(run.failed).toBe(0);
    }
  }, 60_000);
});

describe('the bundled library replayed against a long-running simulator with --control-api', () => {
  it('runs every scenario, each after a reset of that simulator', async () => {
    const simulator = await startSimulator({ host: '127.0.0.1', pace: 'step' });
    try {
      const run = await runCliCaptured('replay', '--target', simulator.url, '--control-api');

      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^\d+ passed, 0 failed, 0 skipped$/m);
      expect(run.stdout).toContain('Transitions exercised (16 of 16)');
      expect(run.exitCode).toBe(0);
    } finally {
      await simulator.close();
    }
  }, 60_000);

  it('is refused, before any scenario runs, when the target has no control API', async () => {
    const simulator = await startSimulator({ host: '127.0.0.1', controlApi: false });
    try {
      const run = await runCliCaptured('replay', '--target', simulator.url, '--control-api');

      expect(run.exitCode).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        new RegExp(
          String.raw`^import-harness replay: --control-api: http:\/\/127\.0\.0\.1:\d+ has no ` +
            String.raw`import-harness control API \(GET \/__simulator\/config answered 404\)\.`,
        ),
      );
      expect(simulator.engine.stats().processes.total).toBe(0);
    } finally {
      await simulator.close();
    }
  });
});

/** `import-harness replay --target URL --report json:FILE`, as a user types it. */
async function replayAgainst(url: string, report: string): Promise<ReplaySummary> {
  const run = await runCliCaptured('replay', '--target', url, '--report', `json:${report}`);

  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(
    new RegExp(`^\\d+ passed, 0 failed, ${NEEDS_SIMULATOR.length} skipped$`, 'm'),
  );
  expect(run.exitCode).toBe(0);
  return JSON.parse(readFileSync(report, 'utf8')) as ReplaySummary;
}

/** The scenario and what went wrong, e.g. a key that already existed from an earlier run. */
function whyFailed(result: ScenarioResult): string {
  const step = result.steps.find((candidate) => candidate.outcome === 'failed');
  const detail = step?.failure === undefined ? '' : ` ${JSON.stringify(step.failure.mismatches)}`;
  return `${result.id}: ${result.reason ?? `${step?.label ?? ''}${detail}`}`;
}
