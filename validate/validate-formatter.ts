import type { FileReport, ValidateTotals } from './validate-files.js';

/** Where a formatter writes its text, piece by piece. */
export interface ValidateOutput {
  write(text: string): void;
}

/**
 * Turns a run of `validate` into one output format as it happens: each file is written as
 * soon as it is judged, and its problems one by one, so that a file with millions of problems
 * never becomes one string.
 */
export interface ValidateFormatter {
  /** Before the first file: the files, in the order they are judged. */
  begin(files: readonly string[]): void;
  file(report: FileReport): void;
  end(totals: ValidateTotals): void;
}
