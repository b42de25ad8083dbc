import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparablePact } from '../../contracts/consumer/comparable-pact.js';
import { PACT_FILE_NAME, PACTS_DIR } from '../../contracts/contract-names.js';
import { runCliCaptured } from '../support/run-cli.js';

const folders: string[] = [];

function scratchFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-harness-contracts-'));
  folders.push(dir);
  return dir;
}

describe('import-harness contracts', () => {
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('regenerates the committed pact file into the folder it is given', async () => {
    const dir = scratchFolder();

    const run = await runCliCaptured('contracts', '--pact-dir', dir);

    const file = join(dir, PACT_FILE_NAME);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Wrote \\d+ interactions to ${file}\\n$`));
    expect(comparablePact(readFileSync(file, 'utf8'))).toEqual(
      comparablePact(readFileSync(join(PACTS_DIR, PACT_FILE_NAME), 'utf8')),
    );
  });

  it('replaces an earlier file instead of merging into it', async () => {
    const dir = scratchFolder();
    const file = join(dir, PACT_FILE_NAME);
    const stale = JSON.parse(readFileSync(join(PACTS_DIR, PACT_FILE_NAME), 'utf8')) as {
      interactions: Array<{ description: string }>;
    };
    stale.interactions.push({ ...stale.interactions[0], description: 'a stale interaction' });
    writeFileSync(file, JSON.stringify(stale));

    const run = await runCliCaptured('contracts', '--pact-dir', dir);

    expect(run.exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('a stale interaction');
  });
});
