import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ControlClient } from '../../client/control-client.js';
import { UsageError } from '../../errors/usage-error.js';
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
import { parseReports, writeReports } from '../report-option.js';
import { parseTarget, assertReachable, COLOURS } from '../target-option.js';

/** The scenario library that ships with the harness. */
export const BUNDLED_LIBRARY = fileURLToPath(new URL('../../scenarios/library', import.meta.url));

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
      'control-api': { type: 'boolean' },
    },
  });
  const reports = parseReports(values.report, 'replay');
  const target = values.target === undefined ? undefined : parseTarget(values.target);
  const useControl = values['control-api'] ?? false;
  if (useControl && target === undefined) {
    throw new UsageError(
      '--control-api needs --target: it says that the target is an import-harness simulator ' +
        'whose control API may be used. The embedded simulator uses its own anyway.',
    );
  }
  const scenarios = loadScenarios(positionals.length > 0 ? positionals : [BUNDLED_LIBRARY]);

  // Step 2: run against the provider, or an embedded simulator started for this run.
  const paint = useColour(io) ? COLOURS : NO_PAINT;
  const print = (text: string): unknown => io.stdout.write(`${text}\n`);
  let summary: ReplaySummary;
  if (target !== undefined) {
    await assertReachable(target);
    if (useControl) await assertControlApi(target);
    // A simulator's control API lets every scenario run, each after a reset of that simulator.
    const runTarget = useControl
      ? simulatorTarget(target, values.token)
      : providerTarget(target, values.token);
    summary = await replay(scenarios, runTarget, (result) =>
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

  // Step 3: the summary and the reports, which a failed run writes too.
  print(formatSummary(summary));
  writeReports(reports, {
    json: () => formatJsonReport(summary),
    junit: () => formatJunitReport(summary),
  });
  return summary.failed > 0 ? 1 : 0;
}

/** `--control-api` is a promise about the target: checked before any scenario runs. */
async function assertControlApi(url: string): Promise<void> {
  const answer = await new ControlClient({ baseUrl: url, timeoutMs: 10_000 }).readConfig();
  if (answer.status === 200 && answer.data?.pace !== undefined) return;
  throw new UsageError(
    `--control-api: ${url} has no import-harness control API (GET /__simulator/config ` +
      `answered ${answer.status}). Leave the flag out to replay against it as a provider.`,
  );
}
