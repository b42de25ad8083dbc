import { ImportApiClient } from '../client/import-api-client.js';
import { UsageError } from '../errors/usage-error.js';
import type { Paint } from '../scenarios/report/format-human.js';

/** Checks a `--target` / `--provider-base-url` value: an http or https URL. */
export function parseTarget(value: string, flag = '--target'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `${flag} must be a URL such as http://127.0.0.1:4010; got ${JSON.stringify(value)}.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${flag} must be an http or https URL; got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** A target that does not answer at all is a usage problem (exit 2), not a failed check. */
export async function assertReachable(url: string): Promise<void> {
  await new ImportApiClient({ baseUrl: url, timeoutMs: 10_000 }).status('DIM-0');
}

/** Terminal colours of the human reports; used only when the CLI writes to a terminal. */
export const COLOURS: Paint = {
  pass: (text) => `\u001b[32m${text}\u001b[39m`,
  fail: (text) => `\u001b[31m${text}\u001b[39m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
};
