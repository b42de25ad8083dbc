import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FileError } from '../errors/file-error.js';
import { UsageError } from '../errors/usage-error.js';
import { fileProblem } from './path-problems.js';

/** What `--report FORMAT:FILE` offers: the run as JSON, or JUnit XML for CI. */
export type ReportFormat = 'json' | 'junit';

/** One `--report FORMAT:FILE` of the command line. */
export interface ReportRequest {
  readonly format: ReportFormat;
  readonly file: string;
}

/** How a command turns its result into each format; only the formats asked for are built. */
export type ReportWriters = Readonly<Record<ReportFormat, () => string>>;

/**
 * Checks every `--report` value of a command (repeatable) before anything runs: the syntax,
 * a file named twice, and a destination that could never be written, such as a folder.
 */
export function parseReports(
  values: readonly string[] | undefined,
  command: string,
): ReportRequest[] {
  // Step 1: the syntax, with an example that names the command's usual file.
  const reports = (values ?? []).map((value) => parseReport(value, command));

  // Step 2: two reports into one file would leave only the last.
  const seen = new Set<string>();
  for (const report of reports) {
    const path = resolve(report.file);
    if (seen.has(path)) {
      throw new UsageError(
        `--report names ${report.file} twice; give each report its own file, e.g. ` +
          `--report json:reports/${command}.json --report junit:reports/${command}.xml`,
      );
    }
    seen.add(path);
  }

  // Step 3: a destination that cannot be written fails now, not after a long run.
  for (const report of reports) {
    const problem = fileProblem(report.file);
    if (problem !== null) {
      throw new FileError(
        report.file,
        `--report ${report.format}:${report.file} cannot be written: ${problem}. ` +
          'Name a file in a folder you can write to.',
      );
    }
  }
  return reports;
}

function parseReport(value: string, command: string): ReportRequest {
  const match = /^(json|junit):(.+)$/.exec(value);
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new UsageError(
      `--report must be json:FILE or junit:FILE; got ${JSON.stringify(value)}. ` +
        `Example: --report junit:reports/${command}.xml`,
    );
  }
  return { format: match[1] as ReportFormat, file: match[2] };
}

/**
 * Writes each report, creating its folder. Every report is tried, so one bad destination
 * does not cost the others; then the first that could not be written is the error.
 */
export function writeReports(reports: readonly ReportRequest[], writers: ReportWriters): void {
  const failures: FileError[] = [];
  for (const report of reports) {
    try {
      mkdirSync(dirname(report.file), { recursive: true });
      writeFileSync(report.file, writers[report.format]());
    } catch (cause) {
      failures.push(
        new FileError(
          report.file,
          `Cannot write the ${report.format} report to ${report.file}: ` +
            // What changed on disk since the check says more than `EEXIST` or `ENOTDIR`.
            `${fileProblem(report.file) ?? reasonOf(cause)}. ` +
            'Check the path given to --report.',
          { cause },
        ),
      );
    }
  }
  const [first] = failures;
  if (first !== undefined) throw first;
}

/** `EACCES: permission denied, open '…'` says enough without the path repeated. */
function reasonOf(cause: unknown): string {
  const error = cause as { code?: unknown; message?: unknown } | null;
  if (typeof error?.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : '';
    return message.split(',')[0] ?? error.code;
  }
  return String(cause);
}
