/**
 * `npm run bench:suite -- [--out FILE]`
 *
 * Runs the whole test suite once, exactly as `npm test` does (with PACT_DO_NOT_TRACK=true),
 * and reports how long it took on the wall clock, with the number of test files and tests
 * and their outcomes as vitest's JSON reporter counts them. vitest's own report still shows
 * on the terminal. Exit code: the suite's, so a failing suite is not mistaken for a fast one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HarnessError } from '../errors/harness-error.js';

class SuiteDurationError extends HarnessError {
  readonly code = 'IH_BENCH_SUITE';
}

/** The parts of vitest's JSON report read here. */
interface VitestJsonReport {
  readonly success: boolean;
  readonly numTotalTests: number;
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly numPendingTests: number;
  readonly numTodoTests: number;
  readonly numTotalTestSuites: number;
  readonly testResults: ReadonlyArray<{ readonly status: string }>;
}

async function main(): Promise<number> {
  // Step 1: options, and a folder for vitest's JSON report.
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const folder = mkdtempSync(join(tmpdir(), 'ih-suite-duration-'));
  const report = join(folder, 'vitest.json');

  try {
    // Step 2: `npm test`, with the JSON reporter added next to the default one.
    const args = ['test', '--', '--reporter=default', '--reporter=json'];
    args.push(`--outputFile.json=${report}`);
    const started = performance.now();
    const { code, output } = await run('npm', args);
    const seconds = (performance.now() - started) / 1_000;

    // Step 3: what vitest counted, and its own account of the time.
    const counts = readReport(report, code);
    const files = counts.testResults;
    const figures = {
      command: 'PACT_DO_NOT_TRACK=true npm test',
      date: new Date().toISOString(),
      exitCode: code,
      wallClockSeconds: Math.round(seconds * 10) / 10,
      vitestDuration: /Duration\s+(.+)/.exec(stripAnsi(output))?.[1]?.trim() ?? null,
      testFiles: {
        total: files.length,
        passed: files.filter((file) => file.status === 'passed').length,
        failed: files.filter((file) => file.status === 'failed').length,
      },
      tests: {
        total: counts.numTotalTests,
        passed: counts.numPassedTests,
        failed: counts.numFailedTests,
        skipped: counts.numPendingTests + counts.numTodoTests,
      },
      machine: {
        node: process.version,
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        os: `${process.platform} ${release()}`,
      },
    };

    // Step 4: the figures.
    const text = JSON.stringify(figures, null, 2);
    process.stdout.write(
      `\nsuite: ${figures.wallClockSeconds} s wall clock, ${figures.testFiles.total} test files, ` +
        `${figures.tests.total} tests (${figures.tests.passed} passed, ` +
        `${figures.tests.failed} failed, ${figures.tests.skipped} skipped), exit code ${code}\n`,
    );
    if (values.out === undefined) process.stdout.write(`${text}\n`);
    else writeFileSync(values.out, `${text}\n`);
    return code;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs a command with Pact's telemetry off, its output shown and kept. */
function run(command: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Ctrl-C reaches the suite through the terminal: wait for it to end. A SIGTERM sent to
    // this process alone is passed on.
    const ignore = (): void => undefined;
    const pass = (): void => void child.kill('SIGTERM');
    process.on('SIGINT', ignore);
    process.on('SIGTERM', pass);
    let output = '';
    const keep = (chunk: Buffer, to: NodeJS.WriteStream): void => {
      output += chunk.toString();
      to.write(chunk);
    };
    child.stdout.on('data', (chunk: Buffer) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => keep(chunk, process.stderr));
    child.once('error', (cause) =>
      reject(new SuiteDurationError(`Could not run ${command}: ${cause.message}`, { cause })),
    );
    child.once('close', (code) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', pass);
      resolve({ code: code ?? 1, output });
    });
  });
}

function readReport(file: string, code: number): VitestJsonReport {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as VitestJsonReport;
  } catch (cause) {
    throw new SuiteDurationError(
      `npm test ended with exit code ${code} and left no JSON report at ${file}; the counts ` +
        'are unknown. Run npm test by itself to see why.',
      { cause },
    );
  }
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- ANSI escape sequences start with ESC
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench:suite: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
