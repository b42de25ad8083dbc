import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../cli/main.js';

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process with captured output, as the bin would. */
export async function runCliCaptured(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  return { exitCode, stdout, stderr };
}

export const BIN = fileURLToPath(new URL('../../bin/import-harness.js', import.meta.url));

/** Runs the real `import-harness` executable in a child process. */
export function runBin(
  args: readonly string[],
  options: {
    env?: NodeJS.ProcessEnv;
    untilOutput?: RegExp;
    /** Runs once the output matches `untilOutput`, before the signal is sent. */
    onOutput?: (stdout: string) => Promise<void>;
    signal?: NodeJS.Signals;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // A long-running command is asked to stop once it has said what the test waits for.
      if (signalled || options.untilOutput?.test(stdout) !== true || options.signal === undefined) {
        return;
      }
      signalled = true;
      const signal = options.signal;
      void (options.onOutput?.(stdout) ?? Promise.resolve())
        .catch((error: unknown) => (stderr += `test hook failed: ${String(error)}`))
        .finally(() => child.kill(signal));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
  });
}

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../e2e/fixtures/${name}`, import.meta.url));
}
