import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors/usage-error.js';

/**
 * Checks, before a command runs, that a folder option (`--out`, `--pact-dir`) names a folder
 * files can be written into, or one that can be made; looks only, creates nothing.
 */
export function assertFolderOption(flag: string, folder: string): void {
  const problem = folderProblem(resolve(folder));
  if (problem === null) return;
  throw new UsageError(
    `${flag} ${JSON.stringify(folder)} cannot hold the files: ${problem}. Name a folder, ` +
      'or a path where one can be made.',
  );
}

function folderProblem(path: string): string | null {
  // The folders that do not exist yet are made; the nearest one that exists must allow it.
  let folder = path;
  let stats = statOrNull(folder);
  while (stats === null && dirname(folder) !== folder) {
    folder = dirname(folder);
    stats = statOrNull(folder);
  }
  if (stats?.isDirectory() !== true) return `${folder} is a file, not a folder`;
  try {
    accessSync(folder, constants.W_OK);
    return null;
  } catch {
    return `the folder ${folder} is not writable`;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
