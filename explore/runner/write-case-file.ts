import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { FileError } from '../../errors/file-error.js';
import type { Scenario, ScenarioContent } from '../../scenarios/format/scenario-schema.js';
import { FIXTURES_DIR } from '../generators/build-case.js';

/**
 * Writes a case as an ordinary scenario file that `replay` reads, with the files it refers
 * to copied beside it, and a comment saying how it was found. Returns the file's path.
 */
export function writeCaseFile(
  scenario: Scenario,
  outDir: string,
  name: string,
  comment: readonly string[],
): string {
  const file = join(outDir, `${name}.yaml`);
  try {
    mkdirSync(outDir, { recursive: true });
    for (const referenced of referencedFiles(scenario)) {
      const to = resolve(outDir, referenced);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(resolve(FIXTURES_DIR, referenced), to);
    }
    const header = comment.map((line) => `# ${line}`.trimEnd()).join('\n');
    writeFileSync(file, `${header}\n${stringify(scenario, { lineWidth: 100 })}`);
  } catch (cause) {
    throw new FileError(file, `Cannot write the shrunk case to ${file}. Check --out.`, { cause });
  }
  return file;
}

function referencedFiles(scenario: Scenario): string[] {
  const contents: ScenarioContent[] = [...(scenario.given ?? [])];
  for (const step of scenario.steps) {
    if ('upload' in step) contents.push(step.upload, ...(step.upload.parts ?? []));
  }
  return [
    ...new Set(contents.flatMap((content) => (content.file === undefined ? [] : [content.file]))),
  ];
}
