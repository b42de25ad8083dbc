import { describe, expect, it } from 'vitest';
import { runBin, runCliCaptured } from '../support/run-cli.js';

describe('import-harness serve', () => {
  it('logs its URL when ready and stops cleanly on SIGTERM', async () => {
    const run = await runBin(['serve', '--port', '0', '--pace', 'step'], {
      untilOutput: /listening on/,
      signal: 'SIGTERM',
    });

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      /^import-harness simulator listening on http:\/\/127\.0\.0\.1:\d+ \(pace step\)\n/,
    );
    expect(run.stdout).toContain('import-harness simulator stopped');
    expect(run.stderr).toBe('');
  }, 20_000);

  it('answers requests while it runs', async () => {
    let answered = 0;
    const run = await runBin(['serve', '--port', '0'], {
      untilOutput: /listening on (\S+)/,
      onOutput: async (stdout) => {
        const url = /listening on (\S+)/.exec(stdout)?.[1] ?? '';
        const response = await fetch(`${url}/api/v1/import/status/DIM-1`, {
          headers: { 'x-auth-token': 't' },
        });
        answered = response.status;
      },
      signal: 'SIGINT',
    });

    expect(run.exitCode).toBe(0);
    expect(answered).toBe(404);
  }, 20_000);

  it.each([
    [
      ['--pace', 'fast'],
      '--pace must be instant, step or a number of milliseconds per transition; got "fast".',
    ],
    [['--port', 'eighty'], '--port must be a whole number from 0 to 65535; got "eighty".'],
    [
      ['--discard-from-failed', 'undo'],
      '--discard-from-failed must be keep-created or rollback; got "undo".',
    ],
  ])('refuses %j with one line and exit 2', async (flags, message) => {
    const run = await runCliCaptured('serve', ...flags);

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(`import-harness serve: ${message}\n`);
  });

  it('refuses an unreadable reference-data file', async () => {
    const run = await runCliCaptured('serve', '--reference-data', '/no/such/codes.json');

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      /^import-harness serve: Cannot read the reference-data file \/no\/such\/codes\.json: /,
    );
  });
});

describe('import-harness', () => {
  it('prints usage for help and exits 0', async () => {
    const run = await runBin(['help']);

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('import-harness replay [FILES|DIRS…] [options]');
  });

  it.each(['replay', 'serve', 'validate', 'verify'])(
    'prints usage for %s --help and exits 0 without running it',
    async (command) => {
      const run = await runCliCaptured(command, '--help');

      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('import-harness validate FILE… [options]');
      expect(run.stderr).toBe('');
    },
  );

  it('prints its version', async () => {
    const run = await runCliCaptured('--version');

    expect(run.stdout).toMatch(/^import-harness \d+\.\d+\.\d+\n$/);
    expect(run.exitCode).toBe(0);
  });

  it('names the commands when given an unknown one, and exits 2', async () => {
    const run = await runCliCaptured('replya');

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'import-harness: unknown command "replya". Commands: replay, serve, contracts, verify, publish, explore, validate, help.\n',
    );
  });
});
