import { createRequire } from 'node:module';
import { cpus, release } from 'node:os';
import { PRISM } from './prism-description.js';
import type { ResolvedStatusReadsOptions } from './status-reads-options.js';

/** How a run was made, for its report: command, load settings, versions. */
export interface RunSettings {
  readonly command: string;
  readonly date: string;
  readonly loadTool: string;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly rounds: number;
  readonly quietWaitSeconds: number;
  readonly simulatorLogLevel: string;
  readonly prism: string;
}

/** What it ran on. */
export interface Machine {
  readonly node: string;
  readonly express: string;
  readonly cpus: number;
  readonly cpu: string;
  readonly os: string;
}

export function runSettings(
  options: ResolvedStatusReadsOptions,
  args: readonly string[],
): RunSettings {
  return {
    command: `npm run bench:status${args.length === 0 ? '' : ` -- ${args.join(' ')}`}`,
    date: new Date().toISOString(),
    loadTool: `autocannon ${version('autocannon')}`,
    durationSeconds: options.duration,
    warmupSeconds: options.warmup,
    connections: options.connections,
    rounds: options.rounds,
    quietWaitSeconds: options.quietWait,
    simulatorLogLevel: options.logLevel,
    prism: PRISM,
  };
}

export function machine(): Machine {
  return {
    node: process.version,
    express: version('express'),
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    os: `${process.platform} ${release()}`,
  };
}

/** The settings in one line, as printed before the run. */
export function settingsLine(settings: RunSettings): string {
  return (
    `${settings.loadTool}: ${settings.connections} connections, ${settings.durationSeconds} s ` +
    `per target and read in each of ${settings.rounds} round(s), warm-up ` +
    `${settings.warmupSeconds} s; simulator log level ${settings.simulatorLogLevel}`
  );
}

/** The machine and versions in one line, as printed under the figures. */
export function machineLine(on: Machine): string {
  return (
    `node ${on.node}, express ${on.express}, autocannon ${version('autocannon')}, ${PRISM}; ` +
    `${on.cpus} × ${on.cpu}, ${on.os}`
  );
}

function version(name: string): string {
  const require = createRequire(import.meta.url);
  return (require(`${name}/package.json`) as { version: string }).version;
}
