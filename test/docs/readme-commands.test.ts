import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../../scripts/free-port.js';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeBlocks, type ReadmeCommand } from './readme-commands.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// IH_README names another file to check, e.g. a README change before it is made.
const README = readFileSync(process.env['IH_README'] ?? `${ROOT}README.md`, 'utf8');
const COMMAND_TIMEOUT_MS = 90_000;
const DOCUMENTED_PORT = /\b4010\b/g;
/** What `serve` says once it has stopped cleanly; npm/npx around it die by the signal itself. */
const STOPPED = 'import-harness simulator stopped';

interface Finished {
  readonly code: number | null;
  readonly output: string;
}

describe('README.md', () => {
  it('has runnable sh blocks', () => {
    expect(readmeBlocks(README).length).toBeGreaterThan(0);
  });

  for (const block of readmeBlocks(README)) {
    describe(`the sh block at line ${block.line}`, () => {
      let port = 0;
      const kept: Server[] = [];
      beforeAll(async () => {
        port = await freePort();
      });
      afterAll(async () => {
        for (const server of kept) expect(await stop(server)).toContain(STOPPED);
      });

      for (const command of block.commands) {
        const name = `runs \`${command.shown}\` (line ${command.line}) and it exits 0`;
        if (command.skip !== undefined) {
          it.skip(`${name} — skipped: ${command.skip}`, () => undefined);
          continue;
        }
        it(
          name,
          async () => {
            const shell = onPort(command, port);
            if (command.serve === undefined) {
              const finished = await run(shell);
              expect(finished.code, finished.output).toBe(0);
              return;
            }
            const server = await startServer(shell);
            if (command.serve === 'keep') kept.push(server);
            else expect(await stop(server)).toContain(STOPPED);
          },
          COMMAND_TIMEOUT_MS,
        );
      }
    });
  }
});

/** The command with the documented port replaced, and a port added to a serve without one. */
function onPort(command: ReadmeCommand, port: number): string {
  const shell = command.shown.replace(/\s*&$/, '').replace(DOCUMENTED_PORT, String(port));
  if (command.serve === undefined || /--port\b/.test(shell)) return shell;
  return `${shell} --port ${port}`;
}

function spawnShell(shell: string): ChildProcess {
  return spawn('bash', ['-c', shell], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it stops npm/npx and what they started.
    detached: true,
  });
}

function run(shell: string): Promise<Finished> {
  const child = spawnShell(shell);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      output += `\n[readme test] no exit after ${COMMAND_TIMEOUT_MS} ms; stopped`;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }, COMMAND_TIMEOUT_MS - 5_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.slice(-4_000) });
    });
  });
}

interface Server {
  readonly child: ChildProcess;
  /** Everything the command wrote so far. */
  readonly output: () => string;
}

/** Starts a serve command and resolves once it says it listens. */
function startServer(shell: string): Promise<Server> {
  const child = spawnShell(shell);
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/listening on http/.test(output)) resolve({ child, output: () => output });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('close', (code) =>
      reject(new Error(`${shell} exited with ${String(code)} before listening:\n${output}`)),
    );
  });
}

/** Asks a started server to stop, as Ctrl-C would, and returns all it wrote. */
function stop(server: Server): Promise<string> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve(server.output());
    server.child.once('close', () => resolve(server.output()));
    if (server.child.pid !== undefined) process.kill(-server.child.pid, 'SIGINT');
  });
}
