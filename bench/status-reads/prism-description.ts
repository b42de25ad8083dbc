import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOpenApiDescription } from '../../api/openapi.js';
import { HarnessError } from '../../errors/harness-error.js';
import type { CapturedRead } from './seed-processes.js';

/** The last Prism release whose `engines` admits Node 20, as `npm run check:prism` uses. */
export const PRISM = '@stoplight/prism-cli@5.14.2';

/** The status read in api/openapi.yaml, as OpenAPI writes the path. */
const STATUS_PATH = '/api/v1/import/status/{importProcessId}';

class PrismDescriptionError extends HarnessError {
  readonly code = 'IH_BENCH_PRISM_DESCRIPTION';
}

interface ResponseContent {
  examples?: Record<string, { value: unknown }>;
}

/**
 * Writes api/openapi.yaml into `folder` as JSON, with the status read's documented examples
 * replaced by the captured answers, one example per read named after it. Prism checks the
 * request against the description as usual (token, parameters) and answers the example the
 * request asks for with `Prefer: example=<read>`. Returns the file's path.
 */
export function writePrismDescription(folder: string, reads: readonly CapturedRead[]): string {
  const document = structuredClone(readOpenApiDescription());
  const content = (
    document.paths[STATUS_PATH] as
      | { get?: { responses?: Record<string, { content?: Record<string, ResponseContent> }> } }
      | undefined
  )?.get?.responses?.['200']?.content?.['application/json'];
  if (content === undefined) {
    throw new PrismDescriptionError(
      `api/openapi.yaml has no application/json answer 200 for GET ${STATUS_PATH}; the ` +
        'benchmark needs one to put the captured status reads into.',
    );
  }

  content.examples = Object.fromEntries(
    reads.map((read) => [read.read, { value: JSON.parse(read.body.toString('utf8')) as unknown }]),
  );
  const file = join(folder, 'openapi-status-reads.json');
  writeFileSync(file, JSON.stringify(document, null, 2));
  return file;
}

/** `npx` arguments that start Prism's mock on the description. */
export function prismMockArgs(description: string, host: string, port: number): string[] {
  return ['--yes', PRISM, 'mock', description, '--host', host, '--port', String(port)];
}
