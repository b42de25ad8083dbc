import { closeSync, openSync, statSync, type Stats } from 'node:fs';
import { FileError } from '../errors/file-error.js';

/** A regular file that this process may read, and its size for the progress bar. */
export interface ReadableFile {
  readonly path: string;
  readonly bytes: number;
}

/**
 * Checks, without reading it, that a file named on the command line can be read to its end.
 * A pipe or a device might block or never end and has no size, so only regular files are
 * accepted. `role` names the file in the message, e.g. `import file` or `--tenant-state file`.
 */
export function checkReadableFile(path: string, role: string): ReadableFile {
  // Step 1: it exists and is a regular file; stat does not block, even on a named pipe.
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (cause) {
    throw unreadable(path, role, reasonOf(cause), cause);
  }
  const notAFile = notAFileReason(stats);
  if (notAFile !== null) throw unreadable(path, role, notAFile);

  // Step 2: this process may open it (permissions, ACLs); opening a regular file never blocks.
  try {
    closeSync(openSync(path, 'r'));
  } catch (cause) {
    throw unreadable(path, role, reasonOf(cause), cause);
  }
  return { path, bytes: stats.size };
}

function unreadable(path: string, role: string, reason: string, cause?: unknown): FileError {
  return new FileError(path, `Cannot read the ${role} ${path}: ${reason}.`, { cause });
}

function notAFileReason(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'it is a folder, not a file. Name a file inside it';
  return (
    `it is ${specialKind(stats)}, which may never end and has no size. ` +
    'Save the data to a file first'
  );
}

function specialKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'something other than a file';
}

/** What a failed `stat` or `open` means for the user, with what to do about it. */
function reasonOf(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'there is no such file. Check the path and the current folder';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder. Check the path';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied. Allow this user to read it (e.g. chmod u+r) or copy it';
    case 'EISDIR':
      return 'it is a folder, not a regular file. Name a file inside it';
    case 'ELOOP':
      return 'the path loops through symbolic links. Name the file itself';
    default:
      return cause instanceof Error ? cause.message : String(cause);
  }
}
