import { FileError } from '../errors/file-error.js';
import type { EntityRecord } from '../model/entity-record.js';
import { ImportFileReader, type ReadOptions } from '../model/import-file/import-file-reader.js';
import { judgeEntities, type JudgeContext } from '../model/validation/validate-entities.js';
import type { ValidationProblem } from '../model/validation-problem.js';
import { pushFile } from '../simulator/engine/read-spooled-file.js';

/**
 * Where the real import of a file would stop or go on: `ERROR` (technical validation),
 * `REJECTED` (data validation), or ready to send, when every entity is valid (`APPROVED`).
 */
export type FileStatus = 'ERROR' | 'REJECTED' | 'READY_TO_SEND';

export type FileVerdict =
  | { readonly status: 'ERROR'; readonly bytes: number; readonly reason: string }
  | {
      readonly status: 'REJECTED' | 'READY_TO_SEND';
      readonly bytes: number;
      readonly entities: readonly EntityRecord[];
      /** For each entity (same index), every problem found; [] when valid. */
      readonly problems: ReadonlyArray<readonly ValidationProblem[]>;
    };

/** How far a file has been read; `judging` once every byte is read and entities are judged. */
export interface FileProgress {
  readonly phase: 'reading' | 'judging';
  readonly bytesRead: number;
  readonly entitiesRead: number;
}

export interface ValidateFileOptions {
  readonly read: ReadOptions;
  readonly judge: JudgeContext;
  readonly onProgress?: ((progress: FileProgress) => void) | undefined;
  /** Stops reading between chunks; the result is then null. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Validates one import file as the simulator would: its bytes streamed through technical
 * validation, then its entities judged against the tenant. A file that cannot be read is a
 * `FileError`, not an `ERROR` verdict: the fault is on this machine, not in the file.
 */
export async function validateFile(
  path: string,
  options: ValidateFileOptions,
): Promise<FileVerdict | null> {
  // Step 1: technical validation, chunk by chunk, so that memory stays flat.
  const reader = new ImportFileReader(options.read);
  const stopped = (): boolean => options.signal?.aborted === true;
  const progress = (): void =>
    options.onProgress?.({
      phase: 'reading',
      bytesRead: reader.bytesRead,
      entitiesRead: reader.entitiesRead,
    });
  try {
    if (!(await pushFile(path, reader, stopped, progress))) return null;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new FileError(path, `Cannot read the import file ${path}: ${reason}.`, { cause });
  }
  const read = reader.end();
  if (!read.ok) return { status: 'ERROR', bytes: reader.bytesRead, reason: read.reason };

  // Step 2: data validation against the tenant; one invalid entity rejects the whole file.
  options.onProgress?.({
    phase: 'judging',
    bytesRead: reader.bytesRead,
    entitiesRead: read.entities.length,
  });
  const problems = judgeEntities(read.entities, options.judge);
  const rejected = problems.some((found) => found.length > 0);
  return {
    status: rejected ? 'REJECTED' : 'READY_TO_SEND',
    bytes: reader.bytesRead,
    entities: read.entities,
    problems,
  };
}
