import { UsageError } from '../errors/usage-error.js';
import { folderProblem } from './path-problems.js';

/**
 * Checks, before a command runs, that a folder option (`--out`, `--pact-dir`) names a folder
 * files can be written into, or one that can be made; looks only, creates nothing.
 */
export function assertFolderOption(flag: string, folder: string): void {
  const problem = folderProblem(folder);
  if (problem === null) return;
  throw new UsageError(
    `${flag} ${JSON.stringify(folder)} cannot hold the files: ${problem}. Name a folder, ` +
      'or a path where one can be made.',
  );
}
