import type { UploadStep } from '../../format/scenario-schema.js';
import { compareAnswer } from '../compare.js';
import { contentBytes, contentDocument } from '../resolve-content.js';
import { observe, stepHeaders, type StepContext, type StepReport } from './step-context.js';

/** Uploads an import file (H-1 or H-8) and checks the answer; names the process. */
export async function runUpload(context: StepContext, step: UploadStep): Promise<StepReport> {
  const { target, loaded } = context;
  const { runId } = target;
  const { keySuffix } = loaded.scenario;
  context.uploads += 1;

  // Step 1: the batch reference, unique per upload unless the scenario names it.
  const sourceName = nullable(step.sourceName, 'import-harness');
  const sourceRef = nullable(step.sourceRef, `${loaded.id}-${context.uploads}-${runId}`);
  const headers = stepHeaders(context, step, context.tenant);
  const expect = step.expect ?? { http: 202, status: 'INSERTED' as const };

  // Step 2: send it the way the step says.
  const response =
    step.via === 'json'
      ? await target.client.uploadJson({
          ...headers,
          source: {
            ...(sourceName === null ? {} : { sourceName }),
            ...(sourceRef === null ? {} : { sourceRef }),
          },
          document: contentDocument(step, loaded.dir, runId, keySuffix) as Record<string, unknown>,
        })
      : await target.client.upload({
          ...headers,
          sourceName,
          sourceRef,
          ...(step.rawBody === undefined
            ? {
                parts: (step.parts ?? [step]).map((part) => ({
                  content: contentBytes(part, loaded.dir, runId, keySuffix),
                  ...('name' in part && part.name !== undefined ? { name: part.name } : {}),
                  ...('filename' in part && part.filename !== undefined
                    ? { filename: part.filename }
                    : {}),
                })),
              }
            : {
                rawBody: {
                  contentType: step.rawBody.contentType,
                  content: step.rawBody.text,
                },
              }),
        });

  // Step 3: remember the process under its name, then compare.
  const id = (response.data as { importProcessId?: unknown } | null)?.importProcessId;
  if (typeof id === 'string' && step.process !== undefined) context.processes.set(step.process, id);
  observe(context, response);
  const endpoint = step.via === 'json' ? 'H-8' : 'H-1';
  return {
    label: `upload${step.process === undefined ? '' : ` ${step.process}`} via ${endpoint} → ${describeExpect(expect)}`,
    mismatches: compareAnswer(response, expect),
    response,
    rules: [endpoint, ...(expect.http === 202 || expect.http === undefined ? ['T-1'] : [])],
  };
}

function nullable(value: string | null | undefined, fallback: string): string | null {
  return value === null ? null : (value ?? fallback);
}

export function describeExpect(expect: {
  http?: number | undefined;
  status?: string | undefined;
  errors?: readonly string[] | undefined;
}): string {
  return [expect.http, expect.status, ...(expect.errors ?? [])]
    .filter((part) => part !== undefined)
    .join(' ');
}
