import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CannedAnswer } from './bare-express-server.js';
import { freePort } from '../../scripts/free-port.js';
import { HOST, startChildServer, type ChildServer } from './child-server.js';
import { prismMockArgs, writePrismDescription } from './prism-description.js';
import { READ_HEADERS, seedProcess, type CapturedRead } from './seed-processes.js';
import type { ReadName, ResolvedStatusReadsOptions, TargetName } from './status-reads-options.js';

const BIN = fileURLToPath(new URL('../../bin/import-harness.js', import.meta.url));
const BARE_EXPRESS = fileURLToPath(new URL('./bare-express-server.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;
/** The first run downloads Prism through npx. */
const PRISM_START_TIMEOUT_MS = 180_000;

/** A running server under test, and how to read each process's status from it. */
export interface Target {
  readonly name: TargetName;
  readonly baseUrl: string;
  readonly server: ChildServer;
  /** The request headers of a status read, for one read. */
  headers(read: ReadName): Readonly<Record<string, string>>;
}

export interface StartedTargets {
  /** The targets to measure, in the order asked for. */
  readonly targets: readonly Target[];
  /** Every server started, the simulator included even when it is not measured. */
  readonly servers: readonly ChildServer[];
  /** What the simulator answered, per read: the bytes every target serves. */
  readonly captured: readonly CapturedRead[];
}

/**
 * Starts the simulator and captures its answers, then the bare Express baseline serving
 * those answers, then Prism mocking them; each server in a child process of its own, its
 * output in a log file in `folder`. `onServer` hears of each as it starts, for clean-up.
 */
export async function startTargets(
  options: ResolvedStatusReadsOptions,
  folder: string,
  onServer: (server: ChildServer) => void,
): Promise<StartedTargets> {
  // Step 1: the simulator, as `import-harness serve` runs, and the processes to read.
  const simulatorPort = await freePort();
  const simulator = await startChildServer({
    name: 'simulator',
    command: process.execPath,
    args: [
      ...profiling(options, 'simulator'),
      BIN,
      'serve',
      ...['--host', HOST, '--port', String(simulatorPort), '--pace', 'instant'],
      ...['--log-level', options.logLevel, '--log-format', 'json'],
    ],
    logFile: join(folder, 'simulator.log'),
    probeUrl: `http://${HOST}:${simulatorPort}/`,
    startTimeoutMs: START_TIMEOUT_MS,
  });
  onServer(simulator);
  const simulatorUrl = `http://${HOST}:${simulatorPort}`;
  const captured: CapturedRead[] = [];
  for (const read of options.reads) captured.push(await seedProcess(simulatorUrl, read));
  const started: Target[] = [
    { name: 'simulator', baseUrl: simulatorUrl, server: simulator, headers: () => READ_HEADERS },
  ];

  // Step 2: the baselines, in the same kind of process: Node with tsx's loader. `express`
  // answers the captured bytes; `express-json` serialises the same object with res.json.
  const answers = join(folder, 'answers.json');
  writeFileSync(answers, JSON.stringify(captured.map(cannedAnswer)));
  for (const name of ['express', 'express-json'] as const) {
    if (!options.targets.includes(name)) continue;
    const port = await freePort();
    const server = await startChildServer({
      name,
      command: process.execPath,
      args: [
        ...profiling(options, name),
        ...['--import', 'tsx', BARE_EXPRESS, '--port', String(port), '--answers', answers],
        ...(name === 'express-json' ? ['--serialise'] : []),
      ],
      logFile: join(folder, `${name}.log`),
      probeUrl: `http://${HOST}:${port}/`,
      startTimeoutMs: START_TIMEOUT_MS,
    });
    onServer(server);
    started.push({
      name,
      baseUrl: `http://${HOST}:${port}`,
      server,
      headers: () => READ_HEADERS,
    });
  }

  // Step 3: Prism's mock of the description, answering the captured bodies as examples.
  if (options.targets.includes('prism')) {
    const description = writePrismDescription(folder, captured);
    const port = await freePort();
    const prism = await startChildServer({
      name: 'prism',
      command: 'npx',
      args: prismMockArgs(description, HOST, port),
      logFile: join(folder, 'prism.log'),
      probeUrl: `http://${HOST}:${port}/`,
      startTimeoutMs: PRISM_START_TIMEOUT_MS,
    });
    onServer(prism);
    started.push({
      name: 'prism',
      baseUrl: `http://${HOST}:${port}`,
      server: prism,
      headers: (read) => ({ ...READ_HEADERS, prefer: `example=${read}` }),
    });
  }

  return {
    targets: started.filter((target) => options.targets.includes(target.name)),
    servers: started.map((target) => target.server),
    captured,
  };
}

/** Node flags that write a CPU profile into a folder per target, when asked for. */
function profiling(options: ResolvedStatusReadsOptions, name: TargetName): string[] {
  if (options.profile === undefined) return [];
  return ['--cpu-prof', '--cpu-prof-dir', join(options.profile, name)];
}

function cannedAnswer(read: CapturedRead): CannedAnswer {
  return {
    importProcessId: read.importProcessId,
    bodyBase64: read.body.toString('base64'),
    headers: read.headers,
  };
}
