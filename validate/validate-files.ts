import { performance } from 'node:perf_hooks';
import type { ReadOptions } from '../model/import-file/import-file-reader.js';
import { summariseFile, type FileSummary } from './file-summary.js';
import type { ReadableFile } from './readable-file.js';
import type { TenantState } from './tenant-state.js';
import { validateFile, type FileProgress, type FileVerdict } from './validate-file.js';

/** What `validate` found in one file. */
export interface FileReport {
  readonly file: string;
  readonly verdict: FileVerdict;
  /** Counts by entity type; null for a file that ends in `ERROR`, whose entities are not judged. */
  readonly summary: FileSummary | null;
  /** Whether its entities now count as existing in the tenant for the files after it. */
  readonly addedToTenant: boolean;
}

/** The whole run, for the last line. */
export interface ValidateTotals {
  readonly files: number;
  readonly entities: number;
  readonly valid: number;
  readonly invalid: number;
  readonly problems: number;
  readonly readyToSend: number;
  readonly rejected: number;
  readonly error: number;
  readonly durationMs: number;
  /** Whether the run was stopped (Ctrl-C) before every file was judged. */
  readonly stopped: boolean;
}

export interface ValidateFilesOptions {
  readonly files: readonly ReadableFile[];
  readonly read: ReadOptions;
  /** The tenant before the first file; files ready to send are added to it. */
  readonly tenant: TenantState;
  readonly sameFileReferences: boolean;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((file: ReadableFile, progress: FileProgress) => void) | undefined;
  /** Called once a file is judged, before the next one is read. */
  readonly onFile: (report: FileReport) => void;
  /** Milliseconds from an arbitrary origin. Default: `performance.now`. */
  readonly now?: (() => number) | undefined;
}

/**
 * Judges files in the order given, as if each were imported after the previous one had been
 * created in full: the entities of a file ready to send count as existing for the files after
 * it; a file that would be `REJECTED` or end in `ERROR` adds nothing. Only one file's entities
 * are held at a time.
 */
export async function validateFiles(options: ValidateFilesOptions): Promise<ValidateTotals> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const totals = { ...ZERO };

  for (const file of options.files) {
    // Step 1: read and judge the file against the tenant as the files before it left it.
    const verdict = await validateFile(file.path, {
      read: options.read,
      judge: { tenant: options.tenant, sameFileReferences: options.sameFileReferences },
      onProgress: options.onProgress && ((progress) => options.onProgress?.(file, progress)),
      signal: options.signal,
    });
    if (verdict === null) return { ...totals, durationMs: now() - started, stopped: true };

    // Step 2: what a complete import of it would leave in the tenant for the next file.
    const ready = verdict.status === 'READY_TO_SEND';
    if (ready) for (const entity of verdict.entities) options.tenant.add(entity.type, entity.key);

    // Step 3: report it, then count it.
    const summary = verdict.status === 'ERROR' ? null : summariseFile(verdict);
    options.onFile({ file: file.path, verdict, summary, addedToTenant: ready });
    totals.files += 1;
    totals.entities += summary?.entities ?? 0;
    totals.valid += summary?.valid ?? 0;
    totals.invalid += summary?.invalid ?? 0;
    totals.problems += summary?.problems ?? 0;
    if (verdict.status === 'READY_TO_SEND') totals.readyToSend += 1;
    if (verdict.status === 'REJECTED') totals.rejected += 1;
    if (verdict.status === 'ERROR') totals.error += 1;
  }
  return { ...totals, durationMs: now() - started, stopped: false };
}

const ZERO = {
  files: 0,
  entities: 0,
  valid: 0,
  invalid: 0,
  problems: 0,
  readyToSend: 0,
  rejected: 0,
  error: 0,
};
