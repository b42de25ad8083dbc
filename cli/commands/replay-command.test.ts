import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/support/run-cli.js';
import { runCli } from '../main.js';

/** Runs `replay` in this process as if its stdout were (or were not) a terminal. */
async function replayOn(terminal: boolean, env: Record<string, string>): Promise<string> {
  let stdout = '';
  await runCli(['replay', fixture('passing.yaml'), fixture('failing.yaml')], {
    stdout: { write: (text: string) => (stdout += text), isTTY: terminal },
    stderr: { write: () => true },
    env,
  });
  return stdout;
}

const ESCAPE = '\u001b[';

describe('import-harness replay output', () => {
  it('marks passes and failures in colour on a terminal', async () => {
    const stdout = await replayOn(true, {});

    expect(stdout).toContain(`${ESCAPE}32m✓`);
    expect(stdout).toContain(`${ESCAPE}31m✗`);
  });

  it('has no colour on a terminal when NO_COLOR is set', async () => {
    const stdout = await replayOn(true, { NO_COLOR: '1' });

    expect(stdout).toContain('✓ passing');
    expect(stdout).not.toContain(ESCAPE);
  });

  it('has no colour when written to a pipe or a file', async () => {
    expect(await replayOn(false, {})).not.toContain(ESCAPE);
  });
});
