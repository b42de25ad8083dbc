import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { serveCommand } from './serve-command.js';

interface Served {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `serve` in this process, sends requests once it listens, then stops it. */
async function serve(
  args: string[],
  requests: (url: string) => Promise<void>,
  terminal: { stderrIsTTY?: boolean; env?: Record<string, string> } = {},
): Promise<Served> {
  const stop = new AbortController();
  let stdout = '';
  let stderr = '';
  let listening: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (listening = resolve));
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        const found = /listening on (\S+)/.exec(stdout)?.[1];
        if (found !== undefined) listening(found);
        return true;
      },
    },
    stderr: { write: (text: string) => (stderr += text), isTTY: terminal.stderrIsTTY ?? false },
    env: terminal.env ?? {},
    signal: stop.signal,
  };

  const running = serveCommand(['--port', '0', '--pace', 'instant', ...args], io);
  await requests(await url);
  stop.abort();
  return { exitCode: await running, stdout, stderr };
}

const status = (url: string, id: string): Promise<Response> =>
  fetch(`${url}/api/v1/import/status/${id}`, {
    headers: { 'x-auth-token': 't', 'x-request-id': 'req-7' },
  });

describe('import-harness serve logging', () => {
  it('logs one JSON line per request on stderr when stderr is not a terminal', async () => {
    const run = await serve([], async (url) => {
      await status(url, 'DIM-404');
    });

    expect(run.exitCode).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'warn',
      msg: 'request',
      method: 'GET',
      path: '/api/v1/import/status/DIM-404',
      status: 404,
      importProcessId: 'DIM-404',
      requestId: 'req-7',
    });
    expect(run.stdout).not.toContain('DIM-404');
  });

  it('logs pretty lines without colour on a terminal when NO_COLOR is set', async () => {
    const run = await serve(
      [],
      async (url) => {
        await status(url, 'DIM-1');
      },
      { stderrIsTTY: true, env: { NO_COLOR: '1' } },
    );

    expect(run.stderr).toMatch(
      new RegExp(
        String.raw`^\d\d:\d\d:\d\d\.\d{3} WARN {2}404 GET \/api\/v1\/import\/status\/DIM-1 ` +
          String.raw`[\d.]+ ms DIM-1 x-request-id=req-7\n$`,
      ),
    );
  });

  it('colours the level of pretty lines on a terminal', async () => {
    const run = await serve([], (url) => status(url, 'DIM-1').then(() => undefined), {
      stderrIsTTY: true,
    });

    expect(run.stderr).toContain('\u001b[33mWARN \u001b[0m');
  });

  it('writes JSON on a terminal when asked with --log-format json', async () => {
    const run = await serve(
      ['--log-format', 'json'],
      (url) => status(url, 'DIM-1').then(() => undefined),
      {
        stderrIsTTY: true,
      },
    );

    expect(JSON.parse(run.stderr)).toMatchObject({ status: 404 });
  });

  it('shows control-API requests only at --log-level debug', async () => {
    const reset = async (url: string): Promise<void> => {
      await fetch(`${url}/__simulator/reset`, { method: 'POST' });
    };

    expect((await serve([], reset)).stderr).toBe('');
    expect((await serve(['--log-level', 'debug'], reset)).stderr).toContain('"level":"debug"');
  });

  it('writes nothing with --log-level silent', async () => {
    const run = await serve(['--log-level', 'silent'], (url) =>
      status(url, 'DIM-1').then(() => undefined),
    );

    expect(run.stderr).toBe('');
  });

  it.each([
    [
      ['--log-level', 'loud'],
      '--log-level must be one of debug, info, warn, error, silent; got "loud".',
    ],
    [['--log-format', 'xml'], '--log-format must be json or pretty; got "xml".'],
  ])('refuses %j before opening a port', async (flags, message) => {
    await expect(
      serveCommand(flags, {
        stdout: { write: () => true },
        stderr: { write: () => true },
        env: {},
      }),
    ).rejects.toThrow(message);
  });
});
