import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FileError } from '../../errors/file-error.js';
import { UsageError } from '../../errors/usage-error.js';

/** An interaction of a pact file on disk: who expects it, under which description. */
export interface LocalInteraction {
  readonly consumer: string;
  readonly description: string;
}

export interface PactSources {
  /** Files, folders and URLs as the verifier takes them. */
  readonly pactUrls: readonly string[];
  /** The interactions of the local files, to name each result's consumer. */
  readonly localInteractions: readonly LocalInteraction[];
}

/**
 * Checks the pact files, folders and URLs before anything runs: a missing file or a file that
 * is not a pact is a one-line error naming it, not a verifier failure later.
 */
export function resolvePactSources(urls: readonly string[], dirs: readonly string[]): PactSources {
  const pactUrls: string[] = [];
  const localInteractions: LocalInteraction[] = [];

  // Step 1: URLs are the verifier's to fetch; files must be pacts.
  for (const url of urls) {
    if (/^https?:\/\//i.test(url)) {
      pactUrls.push(url);
      continue;
    }
    const file = resolve(url);
    localInteractions.push(...readPact(file, '--pact-url'));
    pactUrls.push(file);
  }

  // Step 2: a folder must hold at least one pact file.
  for (const dir of dirs) {
    const folder = resolve(dir);
    const files = listJsonFiles(folder);
    if (files.length === 0) {
      throw new FileError(folder, `--pact-dir ${dir} holds no .json pact file. Check the path.`);
    }
    for (const file of files) localInteractions.push(...readPact(file, '--pact-dir'));
    pactUrls.push(...files);
  }
  return { pactUrls, localInteractions };
}

function listJsonFiles(folder: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch (cause) {
    throw new FileError(folder, `No folder at ${folder} (--pact-dir). Check the path.`, { cause });
  }
  if (!isFolder) throw new UsageError(`--pact-dir needs a folder; ${folder} is a file.`);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(folder, name));
}

function readPact(file: string, flag: string): LocalInteraction[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new FileError(file, `No pact file at ${file} (${flag}). Check the path.`, { cause });
  }
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch (cause) {
    throw new FileError(file, `${file} is not JSON, so not a pact file (${flag}).`, { cause });
  }
  const fields = (typeof pact === 'object' && pact !== null ? pact : {}) as Record<string, unknown>;
  const consumer = (fields['consumer'] as { name?: unknown } | undefined)?.name;
  const interactions = fields['interactions'];
  if (typeof consumer !== 'string' || !Array.isArray(interactions)) {
    throw new FileError(
      file,
      `${file} is not a pact file: it needs "consumer": {"name"} and an "interactions" list.`,
    );
  }
  return interactions.map((interaction: unknown) => {
    const description = (interaction as { description?: unknown } | null)?.description;
    return { consumer, description: typeof description === 'string' ? description : '' };
  });
}
