import { readdirSync, statSync, type Dirent } from 'node:fs';
import { extname, join } from 'node:path';
import { FileError } from '../../errors/file-error.js';

const SCENARIO_EXTENSIONS = new Set(['.yaml', '.yml']);

/**
 * The scenario files behind the paths a user gave: files as named, folders searched
 * recursively for `.yaml` / `.yml`, in a stable (sorted) order.
 */
export function findScenarioFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (cause) {
      throw new FileError(path, `No scenario file or folder at ${path}. Check the path.`, {
        cause,
      });
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const found = listYaml(path);
    if (found.length === 0) {
      throw new FileError(path, `The folder ${path} holds no .yaml or .yml scenario file.`);
    }
    files.push(...found);
  }
  return files;
}

function listYaml(folder: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    throw new FileError(
      folder,
      `Cannot list the folder ${folder} (${String(code)}). Check its permissions.`,
      {
        cause,
      },
    );
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listYaml(path);
    return entry.isFile() && SCENARIO_EXTENSIONS.has(extname(entry.name)) ? [path] : [];
  });
}
