import { HarnessError } from './harness-error.js';

/** A file the user named cannot be read. */
export class FileError extends HarnessError {
  readonly code = 'IH_FILE_UNREADABLE';

  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
