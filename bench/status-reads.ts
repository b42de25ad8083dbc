/**
 * `npm run bench:status -- [--duration S] [--connections N] [--rounds N] [--warmup S]
 *                          [--quiet-wait S] [--targets simulator,express,prism]
 *                          [--reads done,rejected] [--log-level LEVEL] [--profile DIR]
 *                          [--out FILE]`
 *
 * Requests per second and p50 / p99 latency of the status read H-2
 * (`GET /api/v1/import/status/{importProcessId}`) from three servers, measured in one run
 * with one load tool (autocannon) and the same settings:
 *
 * - simulator: `import-harness serve --pace instant`, logging as serve does by default, reading
 *   a process that ended in DONE (the documented person) and one in REJECTED (the documented
 *   rejected person, two validation errors);
 * - express: a bare Express 5 route answering the bytes and headers the simulator answered;
 * - prism: Stoplight Prism's mock of api/openapi.yaml, the captured answers as its examples.
 *
 * Each server runs in a child process of its own, on 127.0.0.1; the load generator has this
 * process to itself. Every target is warmed up, then each round measures every target for
 * the same time, in an order rotated from round to round so that drift favours none. Each
 * run waits first until other programs leave the machine quiet (at most --quiet-wait
 * seconds), and the CPU time the server and everything else used meanwhile is read from
 * /proc: CPU per request compares the servers even when others disturbed the run.
 *
 * Reported: the figures per target and read, and the simulator's against the others'. No
 * threshold is asserted; exit 1 means some request failed, so the figures are not
 * comparable, and 2 that the benchmark could not run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAnswer, type AnswerCheck } from './status-reads/check-answer.js';
import {
  BenchTargetError,
  killAllChildServers,
  type ChildServer,
} from './status-reads/child-server.js';
import { machine, machineLine, runSettings, settingsLine } from './status-reads/describe-run.js';
import { runRounds } from './status-reads/run-rounds.js';
import { startTargets } from './status-reads/start-targets.js';
import { parseStatusReadsOptions } from './status-reads/status-reads-options.js';
import {
  formatTable,
  ratios,
  summariseRuns,
  type TargetFigures,
} from './status-reads/summarise-runs.js';

async function main(): Promise<number> {
  // Step 1: options, a folder for logs and the derived description, and clean-up on interrupt.
  const args = process.argv.slice(2);
  const options = parseStatusReadsOptions(args);
  const settings = runSettings(options, args);
  const folder = mkdtempSync(join(tmpdir(), 'ih-status-reads-'));
  const servers: ChildServer[] = [];
  const interrupted = (): void => {
    killAllChildServers();
    rmSync(folder, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  process.once('exit', killAllChildServers);

  try {
    // Step 2: the servers, and one read from each, checked against the simulator's answer.
    say(settingsLine(settings));
    say(`Starting the targets (logs in ${folder}) …`);
    const started = await startTargets(options, folder, (server) => servers.push(server));
    const checks: AnswerCheck[] = [];
    for (const read of started.captured) {
      for (const target of started.targets) checks.push(await checkAnswer(target, read));
    }
    for (const check of checks) say(`  ${check.target} ${check.read}: ${check.verdict}`);
    const wrong = checks.filter((check) => check.verdict.startsWith('differs'));
    if (wrong.length > 0) {
      throw new BenchTargetError('A target answers other than the simulator; see the lines above.');
    }

    // Step 3: warm-up, then the rounds.
    const runs = await runRounds(
      {
        ...started,
        connections: options.connections,
        warmupSeconds: options.warmup,
        seconds: options.duration,
        rounds: options.rounds,
        quietWaitSeconds: options.quietWait,
      },
      say,
    );

    // Step 4: stop the servers before reporting, so that a profile is written.
    for (const server of servers.splice(0).reverse()) await server.stop();
    if (options.profile !== undefined) say(`CPU profiles in ${options.profile}/<target>/`);

    // Step 5: the figures.
    const figures: TargetFigures[] = [];
    for (const read of options.reads) {
      for (const target of started.targets) {
        figures.push(summariseRuns(target.name, read, runs.get(`${read} ${target.name}`) ?? []));
      }
    }
    const found = [
      ...ratios(figures, 'express'),
      ...ratios(figures, 'express-json'),
      ...ratios(figures, 'prism'),
    ];
    say();
    say(formatTable(figures, found));
    say(
      "CPU µs/req: the server's CPU time per answer; other CPU: what other programs used " +
        'meanwhile, in % of one core.',
    );
    const on = machine();
    say(machineLine(on));
    if (options.out !== undefined) {
      const report = { ...settings, machine: on, checks, figures, ratios: found };
      writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
      say(`Figures written to ${options.out}`);
    }
    return figures.some((entry) => entry.non2xx + entry.errors > 0) ? 1 : 0;
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    killAllChildServers();
    process.stderr.write(
      `bench:status: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
