import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UsageError } from '../../errors/usage-error.js';
import { FileError } from '../../errors/file-error.js';
import {
  formatScenarioResult,
  formatSummary,
  NO_PAINT,
} from '../../scenarios/report/format-human.js';
import { formatJsonReport } from '../../scenarios/report/format-json.js';
import { formatJunitReport } from '../../scenarios/report/format-junit.js';
import { loadScenarios, replay, type ReplaySummary } from '../../scenarios/runner/replay.js';
import { providerTarget, simulatorTarget } from '../../scenarios/runner/run-target.js';
import { startSimulator } from '../../simulator/start-simulator.js';
import { useColour, type CliIo } from '../cli-io.js';
import { parseTarget, assertReachable, COLOURS } from '../target-option.js';

/** The scenario library that ships with the harness. */
export const BUNDLED_LIBRARY = fileURLToPath(new URL('../../scenarios/library', import.meta.url));

interface ReportRequest {
  readonly format: 'json' | 'junit';
  readonly file: string;
}

/** `import-harness replay [FILES|DIRS…] [--target URL] [--token T] [--report FORMAT:FILE]` */
export async function replayCommand(args: readonly string[], io: CliIo): Promise<number> {
  // Step 1: options, reports and scenarios are all checked before anything runs.
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      token: { type: 'string' },
      report: { type: 'string', multiple: true },
    },
  });
  const reports = (values.report ?? []).map(parseReport);
  const target = values.target === undefined ? undefined : parseTarget(values.target);
  const scenarios = loadScenarios(positionals.length > 0 ? positionals : [BUNDLED_LIBRARY]);

  // Step 2: run against the provider, or an embedded simulator started for this run.
  const paint = useColour(io) ? COLOURS : NO_PAINT;
  const print = (text: string): unknown => io.stdout.write(`${text}\n`);
  let summary: ReplaySummary;
  if (target !== undefined) {
    await assertReachable(target);
    summary = await replay(scenarios, providerTarget(target, values.token), (result) =>
      print(formatScenarioResult(result, paint)),
    );
  } else {
    const simulator = await startSimulator({ pace: 'instant' });
    try {
      summary = await replay(scenarios, simulatorTarget(simulator.url, values.token), (result) =>
        print(formatScenarioResult(result, paint)),
      );
    } finally {
      await simulator.close();
    }
  }

  // Step 3: the summary and the reports.
  print(formatSummary(summary));
  for (const report of reports) writeReport(report, summary);
  return summary.failed > 0 ? 1 : 0;
}

function parseReport(value: string): ReportRequest {
  const match = /^(json|junit):(.+)$/.exec(value);
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new UsageError(
      `--report must be json:FILE or junit:FILE; got ${JSON.stringify(value)}. ` +
        'Example: --report junit:reports/replay.xml',
    );
  }
  return { format: match[1] as ReportRequest['format'], file: match[2] };
}

function writeReport(report: ReportRequest, summary: ReplaySummary): void {
  const text = report.format === 'json' ? formatJsonReport(summary) : formatJunitReport(summary);
  try {
    mkdirSync(dirname(report.file), { recursive: true });
    writeFileSync(report.file, text);
  } catch (cause) {
    throw new FileError(
      report.file,
      `Cannot write the ${report.format} report to ${report.file}.`,
      {
        cause,
      },
    );
  }
}
