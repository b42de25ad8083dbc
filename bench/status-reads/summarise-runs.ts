import type { CpuSpent } from './cpu-usage.js';
import { percentile, type LoadRun } from './measure-load.js';
import type { ReadName, TargetName } from './status-reads-options.js';

/** One load run with the CPU time it cost. */
export interface MeasuredRun extends LoadRun {
  readonly cpu: CpuSpent;
  /** Whether other programs were quiet when it started (see `--quiet-wait`). */
  readonly startedQuiet: boolean;
}

/** The figures of one target for one read, over every round. */
export interface TargetFigures {
  readonly target: TargetName;
  readonly read: ReadName;
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Requests per second of each round, in round order. */
  readonly rounds: readonly number[];
  /** CPU time of the server's processes per answered request; null off Linux. */
  readonly serverCpuUsPerRequest: number | null;
  /** The load generator's CPU, as a share of one core. */
  readonly loaderCpuPercent: number;
  /** Other programs' CPU meanwhile, as a share of one core: high means a disturbed run. */
  readonly otherCpuPercent: number | null;
  /** Rounds that started while other programs were busy, having waited in vain. */
  readonly startedBusy: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** The simulator against another target, for one read. */
export interface Ratio {
  readonly read: ReadName;
  readonly of: TargetName;
  /** Simulator req/s ÷ the other's, over all rounds together. */
  readonly ratio: number;
  /** The same, round by round, each from runs measured next to each other. */
  readonly byRound: readonly number[];
  /** The other's server CPU per request ÷ the simulator's: the same ratio, less disturbed. */
  readonly cpuRatio: number | null;
}

/** Adds up the rounds of one target and read; latencies are pooled before percentiles. */
export function summariseRuns(
  target: TargetName,
  read: ReadName,
  runs: readonly MeasuredRun[],
): TargetFigures {
  // Step 1: counts and time.
  const requests = sum(runs.map((run) => run.ok));
  const seconds = sum(runs.map((run) => run.seconds));

  // Step 2: every latency of every round, in one sorted array.
  const pooled = new Float64Array(sum(runs.map((run) => run.latenciesMs.length)));
  let offset = 0;
  for (const run of runs) {
    pooled.set(run.latenciesMs, offset);
    offset += run.latenciesMs.length;
  }
  pooled.sort();

  // Step 3: CPU, where /proc told.
  const serverMs = sumOrNull(runs.map((run) => run.cpu.serverMs));
  const otherMs = sumOrNull(runs.map((run) => run.cpu.otherMs));
  const loaderMs = sum(runs.map((run) => run.cpu.loaderMs));

  return {
    target,
    read,
    requests,
    seconds: round(seconds, 2),
    requestsPerSecond: round(requests / seconds, 0),
    latencyMs: {
      p50: round(percentile(pooled, 0.5), 3),
      p99: round(percentile(pooled, 0.99), 3),
      max: round(percentile(pooled, 1), 3),
    },
    rounds: runs.map((run) => round(run.ok / run.seconds, 0)),
    serverCpuUsPerRequest: serverMs === null ? null : round((serverMs * 1_000) / requests, 1),
    loaderCpuPercent: round(loaderMs / (seconds * 10), 0),
    otherCpuPercent: otherMs === null ? null : round(otherMs / (seconds * 10), 0),
    startedBusy: runs.filter((run) => !run.startedQuiet).length,
    non2xx: sum(runs.map((run) => run.non2xx)),
    errors: sum(runs.map((run) => run.errors)),
  };
}

/** The simulator against `of`, for every read both were measured on. */
export function ratios(figures: readonly TargetFigures[], of: TargetName): Ratio[] {
  const found: Ratio[] = [];
  for (const simulator of figures.filter((entry) => entry.target === 'simulator')) {
    const other = figures.find((entry) => entry.target === of && entry.read === simulator.read);
    if (other === undefined) continue;
    const cpu = [other.serverCpuUsPerRequest, simulator.serverCpuUsPerRequest];
    found.push({
      read: simulator.read,
      of,
      ratio: round(simulator.requestsPerSecond / other.requestsPerSecond, 3),
      byRound: simulator.rounds.map((rate, index) => round(rate / (other.rounds[index] ?? NaN), 3)),
      cpuRatio: cpu[0] == null || cpu[1] == null ? null : round(cpu[0] / cpu[1], 3),
    });
  }
  return found;
}

/** The figures as a fixed-width table, one line per read and target, then the ratios. */
export function formatTable(figures: readonly TargetFigures[], found: readonly Ratio[]): string {
  const header = ['read', 'target', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'other CPU'];
  const rows = figures.map((entry) => [
    entry.read,
    entry.target,
    String(entry.requestsPerSecond),
    entry.latencyMs.p50.toFixed(2),
    entry.latencyMs.p99.toFixed(2),
    entry.serverCpuUsPerRequest?.toFixed(0) ?? '?',
    entry.otherCpuPercent === null ? '?' : `${entry.otherCpuPercent} %`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return column < 2 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const ratioLines = found.map(
    (entry) =>
      `simulator / ${entry.of} (${entry.read}): req/s ${entry.ratio.toFixed(2)} ` +
      `(rounds ${entry.byRound.map((value) => value.toFixed(2)).join(', ')}); ` +
      `CPU per request ${entry.cpuRatio === null ? '?' : entry.cpuRatio.toFixed(2)} ` +
      `(${entry.of} ÷ simulator)`,
  );
  return [line(header), ...rows.map(line), '', ...ratioLines].join('\n');
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function sumOrNull(values: ReadonlyArray<number | null>): number | null {
  return values.some((value) => value === null) ? null : sum(values as number[]);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
