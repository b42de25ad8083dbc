/**
 * What the tests of `import-harness validate` share: the import files of the bundled library,
 * a temporary folder for files of their own, and the problem lines of the text report.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** Import files of the bundled library, whose scenarios state what the simulator reports. */
const FILES = fileURLToPath(
  new URL('../../../scenarios/library/validation/files/', import.meta.url),
);

/** The path of an import file of the bundled library. */
export const library = (name: string): string => join(FILES, name);

export interface TmpFolder {
  readonly path: string;
  /** Writes `content` (JSON unless a string) to a file of the folder, and gives its path. */
  readonly file: (name: string, content: unknown) => string;
}

/** A temporary folder, removed once the tests of the file have run. */
export function useTmpFolder(): TmpFolder {
  const path = mkdtempSync(join(tmpdir(), 'ih-validate-cli-'));
  afterAll(() => rmSync(path, { recursive: true, force: true }));
  return {
    path,
    file: (name, content) => {
      const file = join(path, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    },
  };
}

/** The lines that report problems: `  TYPE KEY FIELD CODE: message`, without the message. */
export function problemLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => /^ {2}\S+ \S+ \S+ err\.\w+: /.test(line))
    .map((line) => line.slice(2, line.indexOf(': ')));
}
