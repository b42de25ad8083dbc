import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { ControlClient } from '../../client/control-client.js';
import type { RunningSimulator } from '../../simulator/start-simulator.js';
import { runCliCaptured } from '../support/run-cli.js';
import { startMutantSimulator } from './support/mutant-simulator.js';

describe('import-harness explore', () => {
  it('exits 0 with one summary line when every case passes', async () => {
    const run = await runCliCaptured('explore', '--runs', '5', '--seed', '3', '--max-steps', '3');

    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^explore: 5 cases, \d+ processes, no failure \(seed 3, embedded simulator, [\d.]+ s\)\n$/,
    );
    expect(run.exitCode).toBe(0);
  });

  it('draws a progress bar on a terminal, and clears it before the summary', async () => {
    let stdout = '';
    const exitCode = await runCli(['explore', '--runs', '3', '--seed', '3', '--max-steps', '2'], {
      stdout: { write: (text: string) => (stdout += text), isTTY: true },
      stderr: { write: () => true },
      env: { NO_COLOR: '1' },
    });

    expect(exitCode).toBe(0);
    expect(stdout).toContain('\rexploring [##########--------------------] 1/3 cases');
    expect(stdout).toContain('\rexploring [##############################] 3/3 cases');
    expect(stdout).toContain('\r\u001b[Kexplore: 3 cases, ');
  });

  it('exits 2 naming the flag for a malformed option, and runs nothing', async () => {
    const runs = await runCliCaptured('explore', '--runs', 'many');
    const seed = await runCliCaptured('explore', '--seed', '1.5');
    const flag = await runCliCaptured('explore', '--shrink');

    expect(runs.exitCode).toBe(2);
    expect(runs.stderr).toBe(
      'import-harness explore: --runs must be a whole number from 1 to 1000000; got "many".\n',
    );
    expect(seed.exitCode).toBe(2);
    expect(seed.stderr).toContain('--seed must be a whole number');
    expect(flag.exitCode).toBe(2);
    expect(flag.stdout).toBe('');
  });

  it('exits 2 for a target that does not answer', async () => {
    const run = await runCliCaptured('explore', '--target', 'http://127.0.0.1:9', '--runs', '1');

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Could not reach http://127.0.0.1:9');
  });

  it('is listed in the help text', async () => {
    const run = await runCliCaptured('help');

    expect(run.stdout).toContain('import-harness explore [options]');
    expect(run.stdout).toContain('--max-steps K');
  });

  describe('against a broken provider', () => {
    let mutant: RunningSimulator;
    const out = mkdtempSync(join(tmpdir(), 'ih-explore-cli-'));

    beforeAll(async () => {
      mutant = await startMutantSimulator();
    });
    afterAll(() => mutant.close());

    it('exits 1 and prints the seed, the rule, the request and answer, the file and the replay command', async () => {
      const run = await runCliCaptured(
        'explore',
        '--target',
        mutant.url,
        '--runs',
        '200',
        '--seed',
        '1',
        '--out',
        out,
        '--token',
        'secret-token',
      );

      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/^✗ explore found a failure after \d+ cases \(seed 1; shrunk/);
      expect(run.stdout).toMatch(/broken: disagreement with the oracle on .*T-13/);
      expect(run.stdout).toMatch(
        /request: GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/import\/status\//,
      );
      expect(run.stdout).toMatch(/response: 200 \{"errors":null/);
      const file = join(out, 'explore-1.yaml');
      expect(run.stdout).toContain(`scenario: ${file}\n`);
      expect(run.stdout).toContain(
        `reproduce: import-harness replay ${file} --target ${mutant.url}`,
      );
      expect(run.stdout).not.toContain('secret-token');
      expect(readFileSync(file, 'utf8')).not.toContain('secret-token');
      expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^explore: \d+ cases, .*1 failure/);

      await new ControlClient({ baseUrl: mutant.url }).reset();
      const replay = await runCliCaptured('replay', file, '--target', mutant.url, '--token', 'x');
      expect(replay.exitCode).toBe(1);
    }, 120_000);
  });
});
