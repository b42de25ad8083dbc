import { expectAnswer } from './expect-answer.js';
import type { StateContext } from './state-context.js';

export interface UploadRequest {
  readonly tenant: string;
  /** The file part's content: usually `personsFile(…)`. */
  readonly content: string;
  readonly sourceName?: string;
  /** Default: a reference no earlier set-up used. */
  readonly sourceRef?: string;
}

/** H-1 of one file part; returns the new process id. The batch is unique unless named. */
export async function uploadFile(context: StateContext, request: UploadRequest): Promise<string> {
  const response = await context.client.upload({
    tenant: request.tenant,
    sourceName: request.sourceName ?? 'import-harness',
    sourceRef: request.sourceRef ?? context.uniqueKey('PACT-BATCH'),
    parts: [{ content: request.content }],
  });
  return expectAnswer(response, 202, 'Uploading an import file').importProcessId;
}

/** The keys of `count` new persons, unique to this set-up. */
export function newKeys(context: StateContext, prefix: string, count: number): string[] {
  return Array.from({ length: count }, () => context.uniqueKey(prefix));
}
