import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli.js';

// The main job: the bundled library replayed against the embedded simulator.
describe('the bundled scenario library', () => {
  it('passes in full and exercises every transition T-1…T-16', async () => {
    const run = await runCliCaptured('replay');

    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('✗');
    expect(run.stdout).toContain('Transitions exercised (16 of 16)');
    expect(run.stdout).toContain('Transitions never exercised: none');
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed, 0 skipped$/m);
    expect(run.exitCode).toBe(0);
  }, 120_000);
});
