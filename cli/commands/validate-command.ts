import { parseArgs } from 'node:util';
import { isHarnessError } from '../../errors/harness-error.js';
import { UsageError } from '../../errors/usage-error.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../model/import-file/read-limits.js';
import { DEFAULT_REFERENCE_DATA } from '../../model/reference-data.js';
import { NO_PAINT } from '../../scenarios/report/format-human.js';
import { loadReferenceData } from '../../simulator/config/load-reference-data.js';
import { parseLimits } from '../../simulator/config/parse-limits.js';
import { BufferedOutput } from '../../validate/buffered-output.js';
import { formatValidateJson } from '../../validate/format-validate-json.js';
import { formatValidateText } from '../../validate/format-validate-text.js';
import { ProgressBar } from '../../validate/progress-bar.js';
import { checkReadableFile, type ReadableFile } from '../../validate/readable-file.js';
import { loadTenantState, TenantState } from '../../validate/tenant-state.js';
import { validateFiles } from '../../validate/validate-files.js';
import { useColour, type CliIo } from '../cli-io.js';
import { COLOURS } from '../target-option.js';

/** The limits that apply to reading a file; the others concern a running simulator. */
const READ_LIMIT_NAMES = Object.keys(DEFAULT_READ_LIMITS) as Array<keyof ReadLimits>;

/** Exit code of a run stopped with Ctrl-C, as shells report a command ended by SIGINT. */
const STOPPED_EXIT_CODE = 130;

/**
 * `import-harness validate FILE… [--tenant-state FILE] [--format text|json] …`: the
 * simulator's technical and data validation of import files, offline. Exit code 0 when every
 * file is ready to send, 1 when one would be `REJECTED` or end in `ERROR`, 2 for a usage
 * error or a file that cannot be read at all.
 */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  // Step 1: every option is checked before any file is read.
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'tenant-state': { type: 'string' },
      format: { type: 'string' },
      'same-file-references': { type: 'boolean' },
      'reference-data': { type: 'string' },
      limit: { type: 'string', multiple: true },
    },
  });
  if (positionals.length === 0) {
    throw new UsageError(
      'name at least one import file to validate, e.g. ' +
        'import-harness validate persons.json accounts.json',
    );
  }
  const format = parseFormat(values.format);
  const limits = parseReadLimits(values.limit ?? []);

  // Step 2: every file named must be readable; all that are not are said at once.
  const unreadable: string[] = [];
  const files = positionals.flatMap((path) => readable(path, 'import file', unreadable));
  const tenantFile = values['tenant-state'];
  const referenceFile = values['reference-data'];
  if (tenantFile !== undefined) readable(tenantFile, '--tenant-state file', unreadable);
  if (referenceFile !== undefined) readable(referenceFile, '--reference-data file', unreadable);
  if (unreadable.length > 0) {
    for (const message of unreadable) io.stderr.write(`import-harness validate: ${message}\n`);
    return 2;
  }

  // Step 3: the code catalogues and the tenant the first file is judged against.
  const referenceData =
    referenceFile === undefined ? DEFAULT_REFERENCE_DATA : loadReferenceData(referenceFile);
  const tenant = tenantFile === undefined ? new TenantState() : loadTenantState(tenantFile);

  // Step 4: judge in order, each file written out as soon as it is judged.
  const output = new BufferedOutput((text) => io.stdout.write(text));
  const formatter =
    format === 'json'
      ? formatValidateJson(output)
      : formatValidateText(output, useColour(io) ? COLOURS : NO_PAINT);
  const progress =
    io.stderr.isTTY === true ? new ProgressBar({ write: (text) => io.stderr.write(text) }) : null;
  formatter.begin(files.map((file) => file.path));
  try {
    const totals = await validateFiles({
      files,
      read: { referenceData, limits },
      tenant,
      sameFileReferences: values['same-file-references'] ?? false,
      signal: io.signal,
      onProgress: progress === null ? undefined : (file, step) => progress.update(file, step),
      onFile: (report) => {
        progress?.clear();
        formatter.file(report);
        output.flush();
      },
    });
    formatter.end(totals);

    // Step 5: the exit code says whether every file could be imported as it is.
    if (totals.stopped) {
      io.stderr.write(
        `import-harness validate: stopped; ${files.length - totals.files} of ` +
          `${files.length} files were not judged.\n`,
      );
      return STOPPED_EXIT_CODE;
    }
    return totals.rejected + totals.error > 0 ? 1 : 0;
  } finally {
    progress?.clear();
    output.flush();
  }
}

/** The file checked, or nothing with its problem added to `problems`. */
function readable(path: string, role: string, problems: string[]): ReadableFile[] {
  try {
    return [checkReadableFile(path, role)];
  } catch (error) {
    if (!isHarnessError(error)) throw error;
    problems.push(error.message);
    return [];
  }
}

function parseFormat(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new UsageError(`--format must be text or json; got ${JSON.stringify(value)}.`);
}

/** `--limit NAME=N` as `serve` reads it, keeping the limits on reading a file. */
function parseReadLimits(settings: readonly string[]): ReadLimits {
  const limits = parseLimits(settings);
  for (const name of Object.keys(limits)) {
    if ((READ_LIMIT_NAMES as readonly string[]).includes(name)) continue;
    throw new UsageError(
      `--limit ${name} concerns a running simulator, not the reading of a file; validate ` +
        `accepts ${READ_LIMIT_NAMES.join(', ')}.`,
    );
  }
  return { ...DEFAULT_READ_LIMITS, ...limits };
}
