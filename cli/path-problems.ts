/**
 * Why the CLI could not write where an option points, found before a command runs: these
 * look only and create nothing.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Why a file could not be written at `file`, or null. */
export function fileProblem(file: string): string | null {
  const path = resolve(file);
  const existing = statOrNull(path);
  if (existing?.isDirectory() === true) return `${path} is a folder`;
  if (existing !== null) return writable(path) ? null : `${path} is not writable`;
  return folderProblem(dirname(path));
}

/** Why files could not be written into `folder`, made if it does not exist yet, or null. */
export function folderProblem(folder: string): string | null {
  // The folders that do not exist yet are made; the nearest one that exists must allow it.
  let nearest = resolve(folder);
  let stats = statOrNull(nearest);
  while (stats === null && dirname(nearest) !== nearest) {
    nearest = dirname(nearest);
    stats = statOrNull(nearest);
  }
  if (stats?.isDirectory() !== true) return `${nearest} is a file, not a folder`;
  return writable(nearest) ? null : `the folder ${nearest} is not writable`;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
