import type { ApiResponse } from '../../../client/api-response.js';
import { STATUS_KIND, type ProcessStatus } from '../../../model/statuses.js';
import { observe, processId, type StepContext, type StepReport } from './step-context.js';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Polls the status (H-2) until the process reaches `for`. Stops early when it rests in
 * another suspended or final status, since it cannot leave that without a client action.
 */
export async function runWait(
  context: StepContext,
  step: { process: string; for: ProcessStatus; timeout?: number | undefined },
): Promise<StepReport> {
  const id = processId(context, step.process) ?? step.process;
  const timeout = step.timeout ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeout;
  const label = `wait ${step.process} for ${step.for}`;

  let response: ApiResponse<unknown>;
  for (;;) {
    response = await context.target.client.status(id);
    observe(context, response);
    const status = (response.data as { statusCode?: ProcessStatus } | null)?.statusCode;
    if (response.status !== 200 || status === undefined) {
      return {
        label,
        response,
        rules: ['H-2'],
        message: `the status read answered ${response.status}`,
        mismatches: [{ path: 'HTTP status', expected: 200, actual: response.status }],
      };
    }
    if (status === step.for) return { label, response, mismatches: [], rules: ['H-2'] };
    if (STATUS_KIND[status] !== 'transient') {
      return {
        label,
        response,
        rules: ['H-2'],
        message: `the process rests in ${status} and will not reach ${step.for}`,
        mismatches: [{ path: 'data.statusCode', expected: step.for, actual: status }],
      };
    }
    if (Date.now() >= deadline) {
      return {
        label,
        response,
        rules: ['H-2'],
        message: `still ${status} after ${timeout} ms`,
        mismatches: [{ path: 'data.statusCode', expected: step.for, actual: status }],
      };
    }
    await new Promise((resolve) => setTimeout(resolve, context.target.pollMs));
  }
}
