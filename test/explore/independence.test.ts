import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every module a folder's TypeScript files import by relative path, as repository paths. */
function importsOf(folder: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/from '(\.[^']+)'/g)) {
          found.push(relative(ROOT, resolve(dirname(path), match[1] ?? '')));
        }
      }
    }
  };
  visit(join(ROOT, folder));
  return found;
}

describe('the explorer’s independence', () => {
  it('keeps the oracle free of model/ and simulator/: a disagreement then means something', () => {
    const borrowed = importsOf('explore/oracle').filter((path) =>
      /^(model|simulator)\//.test(path),
    );
    expect(borrowed).toEqual([]);
  });

  it('builds expectations from the oracle alone: the generators do not import the model', () => {
    const borrowed = importsOf('explore/generators').filter((path) =>
      /^(model|simulator)\//.test(path),
    );
    expect(borrowed).toEqual([]);
  });
});
