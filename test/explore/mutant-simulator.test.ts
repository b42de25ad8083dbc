import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../client/control-client.js';
import { explore, type ExploreResult } from '../../explore/runner/explore.js';
import type { RunningSimulator } from '../../simulator/start-simulator.js';
import { runCliCaptured } from '../support/run-cli.js';
import { startMutantSimulator } from './support/mutant-simulator.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('explore against a broken simulator (discard-rejected also discards the valid rest)', () => {
  let mutant: RunningSimulator;
  let result: ExploreResult;
  const outDir = mkdtempSync(join(tmpdir(), 'ih-explore-'));

  beforeAll(async () => {
    mutant = await startMutantSimulator();
    result = await explore({
      runs: 200,
      seed: 1,
      target: { kind: 'simulator', url: mutant.url },
      outDir,
    });
  }, 120_000);

  afterAll(() => mutant.close());

  it('finds the defect and names T-13', () => {
    expect(result.failure).not.toBeNull();
    expect(result.failure?.failure.rules.join(' ')).toMatch(/T-13|T-10|C-3/);
  });

  it('shrinks it to a scenario of a few steps', () => {
    const steps = result.failure?.generated.scenario.steps ?? [];
    expect(steps.length).toBeLessThanOrEqual(6);
    expect(steps.filter((step) => 'upload' in step)).toHaveLength(1);
    expect(steps.some((step) => 'discard-rejected-entities' in step)).toBe(true);
  });

  it('writes a scenario file that replay reproduces, failing, against the broken simulator', async () => {
    const file = result.failure?.file ?? '';
    expect(result.failure?.reproduced).toBe(true);
    expect(result.failure?.replayCommand).toBe(
      `import-harness replay ${file} --target ${mutant.url}`,
    );

    await new ControlClient({ baseUrl: mutant.url }).reset();
    const run = await runCliCaptured('replay', file, '--target', mutant.url);

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('0 passed, 1 failed, 0 skipped');
  });

  it('writes a scenario that the real simulator passes', async () => {
    const run = await runCliCaptured('replay', result.failure?.file ?? '');

    expect(run.stdout).toContain('1 passed, 0 failed, 0 skipped');
    expect(run.exitCode).toBe(0);
  });
});
