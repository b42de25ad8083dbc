import { parseArgs } from 'node:util';
import { UsageError } from '../../errors/usage-error.js';
import { isLogLevel, LOG_LEVELS, type LogLevel } from '../../simulator/logging/log-level.js';

/** The servers compared: the simulator, a bare Express route, and Stoplight Prism's mock. */
export const TARGET_NAMES = ['simulator', 'express', 'express-json', 'prism'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** The processes whose status is read: one that ended in DONE, one in REJECTED. */
export const READ_NAMES = ['done', 'rejected'] as const;
export type ReadName = (typeof READ_NAMES)[number];

/** Every flag of `npm run bench:status`, all optional. */
export interface StatusReadsOptions {
  readonly duration?: number;
  readonly warmup?: number;
  readonly connections?: number;
  readonly rounds?: number;
  readonly quietWait?: number;
  readonly targets?: readonly TargetName[];
  readonly reads?: readonly ReadName[];
  readonly logLevel?: LogLevel;
  readonly profile?: string;
  readonly out?: string;
}

export type ResolvedStatusReadsOptions = Required<Omit<StatusReadsOptions, 'profile' | 'out'>> &
  Pick<StatusReadsOptions, 'profile' | 'out'>;

export const DEFAULT_STATUS_READS_OPTIONS = {
  /** Seconds of load per target, read and round. */
  duration: 10,
  /** Seconds of load per target and read before the first round, not counted. */
  warmup: 3,
  connections: 16,
  /** Each round runs the targets in another order, so drift favours none of them. */
  rounds: 3,
  /** Seconds each run may wait for other programs to go quiet before it starts anyway. */
  quietWait: 30,
  targets: TARGET_NAMES,
  reads: READ_NAMES,
  /** The simulator logs as `import-harness serve` does by default. */
  logLevel: 'info',
} as const satisfies ResolvedStatusReadsOptions;

/** Reads the command line; every problem is a UsageError naming the flag and the value. */
export function parseStatusReadsOptions(args: readonly string[]): ResolvedStatusReadsOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      rounds: { type: 'string' },
      'quiet-wait': { type: 'string' },
      targets: { type: 'string' },
      reads: { type: 'string' },
      'log-level': { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const defaults = DEFAULT_STATUS_READS_OPTIONS;
  const logLevel = values['log-level'] ?? defaults.logLevel;
  if (!isLogLevel(logLevel)) {
    throw new UsageError(
      `--log-level must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(logLevel)}.`,
    );
  }

  return {
    duration: whole('--duration', values.duration, defaults.duration, 1),
    warmup: whole('--warmup', values.warmup, defaults.warmup, 0),
    connections: whole('--connections', values.connections, defaults.connections, 1),
    rounds: whole('--rounds', values.rounds, defaults.rounds, 1),
    quietWait: whole('--quiet-wait', values['quiet-wait'], defaults.quietWait, 0),
    targets: list('--targets', values.targets, TARGET_NAMES),
    reads: list('--reads', values.reads, READ_NAMES),
    logLevel,
    ...(values.profile === undefined ? {} : { profile: values.profile }),
    ...(values.out === undefined ? {} : { out: values.out }),
  };
}

function whole(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (/^\d+$/.test(value) && Number(value) >= min) return Number(value);
  throw new UsageError(
    `${flag} must be a whole number of at least ${min}; got ${JSON.stringify(value)}.`,
  );
}

/** A comma-separated choice among `known`, in the order given, each once. */
function list<T extends string>(
  flag: string,
  value: string | undefined,
  known: readonly T[],
): readonly T[] {
  if (value === undefined) return known;
  const chosen = value.split(',').map((item) => item.trim());
  const unknown = chosen.filter((item) => !(known as readonly string[]).includes(item));
  if (unknown.length > 0 || chosen.length === 0) {
    throw new UsageError(
      `${flag} takes a comma-separated list of ${known.join(', ')}; got ${JSON.stringify(value)}.`,
    );
  }
  return [...new Set(chosen as T[])];
}
