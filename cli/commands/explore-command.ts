import { parseArgs } from 'node:util';
import { UsageError } from '../../errors/usage-error.js';
import {
  formatExploreFailure,
  formatProgress,
  formatSummary,
} from '../../explore/report/format-explore.js';
import { caseTimes } from '../../explore/report/case-times.js';
import { formatExploreJson } from '../../explore/report/format-explore-json.js';
import { formatExploreJunit } from '../../explore/report/format-explore-junit.js';
import { DEFAULT_EXPLORE_OPTIONS, explore } from '../../explore/runner/explore.js';
import { DEFAULT_CASE_OPTIONS } from '../../explore/generators/case-arbitrary.js';
import { NO_PAINT } from '../../scenarios/report/format-human.js';
import { useColour, type CliIo } from '../cli-io.js';
import { assertFolderOption } from '../folder-option.js';
import { parseReports, writeReports } from '../report-option.js';
import { parseTarget, assertReachable, COLOURS } from '../target-option.js';

/**
 * `import-harness explore [--runs N] [--seed S] [--target URL] [--token T] [--out DIR]
 * [--max-steps K] [--disputed] [--report FORMAT:FILE]`
 */
export async function exploreCommand(args: readonly string[], io: CliIo): Promise<number> {
  // Step 1: every option is checked before anything runs.
  const { values } = parseArgs({
    args: [...args],
    options: {
      runs: { type: 'string' },
      seed: { type: 'string' },
      target: { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string' },
      'max-steps': { type: 'string' },
      disputed: { type: 'boolean' },
      report: { type: 'string', multiple: true },
    },
  });
  const runs = positive('--runs', values.runs, DEFAULT_EXPLORE_OPTIONS.runs);
  const maxSteps = positive('--max-steps', values['max-steps'], DEFAULT_CASE_OPTIONS.maxSteps);
  const seed = parseSeed(values.seed);
  const reports = parseReports(values.report, 'explore');
  // A failure found after minutes must not be lost to an --out that can hold no file.
  const outDir = values.out ?? DEFAULT_EXPLORE_OPTIONS.outDir;
  assertFolderOption('--out', outDir);
  const target = values.target === undefined ? undefined : parseTarget(values.target);
  if (target !== undefined) await assertReachable(target);

  // Step 2: explore, timing each case and drawing a progress bar on a terminal.
  const terminal = io.stdout.isTTY === true;
  const times = caseTimes();
  const result = await explore({
    runs,
    maxSteps,
    ...(seed === undefined ? {} : { seed }),
    ...(target === undefined
      ? {}
      : {
          target: {
            kind: 'provider' as const,
            url: target,
            ...(values.token === undefined ? {} : { token: values.token }),
          },
        }),
    outDir,
    disputed: values.disputed ?? false,
    command: rerunCommand(args),
    onProgress: (progress) => {
      times.record(progress);
      if (terminal) io.stdout.write(`\r${formatProgress(progress)}\u001b[K`);
    },
  });
  if (terminal) io.stdout.write('\r\u001b[K');

  // Step 3: the failure, if any, the summary line, and the reports, which a failure writes too.
  const paint = useColour(io) ? COLOURS : NO_PAINT;
  if (result.failure !== null) io.stdout.write(`${formatExploreFailure(result, paint)}\n`);
  io.stdout.write(`${formatSummary(result)}\n`);
  writeReports(reports, {
    json: () => formatExploreJson(result, runs),
    junit: () => formatExploreJunit(result, times.durationsMs()),
  });
  return result.failure === null ? 0 : 1;
}

/** The command line again, with the seed of this run and without the token's value. */
function rerunCommand(args: readonly string[]): string {
  const kept: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--seed') index += 1;
    else if (arg.startsWith('--seed=')) continue;
    // A token is a secret: reports name the flag, never its value.
    else if (arg === '--token') {
      kept.push('--token', 'T');
      index += 1;
    } else kept.push(arg.startsWith('--token=') ? '--token=T' : arg);
  }
  return ['import-harness explore', ...kept, '--seed {seed}'].join(' ');
}

function positive(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 1_000_000) return Number(value);
  throw new UsageError(
    `${flag} must be a whole number from 1 to 1000000; got ${JSON.stringify(value)}.`,
  );
}

/** fast-check seeds are 32-bit integers. */
function parseSeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seed = Number(value);
  if (/^-?\d+$/.test(value) && seed >= -(2 ** 31) && seed < 2 ** 31) return seed;
  throw new UsageError(
    `--seed must be a whole number from -2147483648 to 2147483647; got ${JSON.stringify(value)}.`,
  );
}
