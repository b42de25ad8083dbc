import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { HarnessError } from '../../errors/harness-error.js';

export const HOST = '127.0.0.1';

/** A server the benchmark started and could not use: its log tail says why. */
export class BenchTargetError extends HarnessError {
  readonly code = 'IH_BENCH_TARGET';
}

export interface ChildServerSpec {
  /** For messages: `simulator`, `express`, `prism`. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Where the server's stdout and stderr go: a file, as `serve 2> file` would. */
  readonly logFile: string;
  /** Answered (with any status) once the server is up. */
  readonly probeUrl: string;
  readonly startTimeoutMs: number;
}

export interface ChildServer {
  readonly name: string;
  readonly pid: number;
  /** SIGTERM to the whole process group, then SIGKILL if it has not ended in time. */
  stop(): Promise<void>;
}

/** Every server started and not yet stopped, so that an interrupt can end them all. */
const running = new Set<ChildProcess>();

/**
 * Starts a server in its own process group (so that `npx` and what it starts end together),
 * and resolves once it answers HTTP on its probe URL.
 */
export async function startChildServer(spec: ChildServerSpec): Promise<ChildServer> {
  // Step 1: the process, its output to the log file, so that nobody reads it while measuring.
  const log = openSync(spec.logFile, 'w');
  const child = spawn(spec.command, [...spec.args], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, NO_COLOR: '1' },
  });
  closeSync(log);
  if (child.pid === undefined) {
    throw new BenchTargetError(`Could not start ${spec.name}: ${spec.command} did not run.`);
  }
  running.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.once('exit', () => running.delete(child));
  const server: ChildServer = { name: spec.name, pid: child.pid, stop: () => stop(child, exited) };

  // Step 2: wait until it answers, it ends, or the time is up.
  const deadline = Date.now() + spec.startTimeoutMs;
  let ended = false;
  void exited.then(() => (ended = true));
  while (!ended && Date.now() < deadline) {
    if (await answers(spec.probeUrl)) return server;
    await sleep(100);
  }
  await server.stop();
  const why = ended
    ? 'ended before it answered'
    : `did not answer within ${spec.startTimeoutMs} ms`;
  throw new BenchTargetError(
    `${spec.name} (${spec.command} ${spec.args.join(' ')}) ${why}. The end of its log ` +
      `${spec.logFile}:\n${tail(spec.logFile)}`,
  );
}

/** Ends every server still running, at once and without waiting: for interrupts and exit. */
export function killAllChildServers(): void {
  for (const child of running) {
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  }
  running.clear();
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.pid === undefined) return;
  // A simulator run with --cpu-prof writes its profile while it stops: give it time.
  if (child.exitCode === null && child.signalCode === null) signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(timer);
  // What the leader started (npx starts Prism) may outlive it; nothing of the group stays.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
