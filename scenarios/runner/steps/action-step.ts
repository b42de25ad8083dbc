import type { ApiResponse } from '../../../client/api-response.js';
import type { ActionStep, ActionStepName } from '../../format/scenario-schema.js';
import { compareAnswer } from '../compare.js';
import type { Mismatch } from '../scenario-result.js';
import { describeExpect } from './upload-step.js';
import {
  observe,
  processId,
  stepHeaders,
  type StepContext,
  type StepReport,
} from './step-context.js';

/** Endpoint and transitions of each action, for reports. */
const ACTION_RULES: Readonly<Record<ActionStepName, readonly string[]>> = {
  discard: ['H-3', 'T-12', 'T-14'],
  'discard-rejected-entities': ['H-4', 'T-13'],
  'discard-failed-entities': ['H-5', 'T-15'],
  retry: ['H-6', 'T-16'],
};

/** One of the four actions on a named process, with its expected answer. */
export async function runAction(
  context: StepContext,
  action: ActionStepName,
  step: ActionStep,
): Promise<StepReport> {
  const id = processId(context, step.process) ?? step.process;
  const expect = step.expect ?? { http: 200 };
  const response = await context.target.client.act(action, id, stepHeaders(context, step, null));
  observe(context, response);
  const refusal = expect.http !== undefined && expect.http >= 400;
  return {
    label: `${action} ${step.process} → ${describeExpect(expect)}`,
    mismatches: compareAnswer(response, expect),
    response,
    rules: [...ACTION_RULES[action], ...(refusal ? ['D-1'] : [])],
  };
}

/**
 * Sends several actions on one process at the same moment (D-2): exactly `wins` of them
 * succeed, and every other one is refused as the winner left the process.
 */
export async function runRace(
  context: StepContext,
  step: { process: string; actions: ActionStepName[]; wins?: number | undefined },
): Promise<StepReport> {
  const id = processId(context, step.process) ?? step.process;
  const wins = step.wins ?? 1;
  const responses = await Promise.all(
    step.actions.map((action) => context.target.client.act(action, id)),
  );
  responses.forEach((response) => observe(context, response));

  const mismatches: Mismatch[] = [];
  const succeeded = responses.filter((response) => response.status === 200).length;
  if (succeeded !== wins) {
    mismatches.push({ path: 'actions that succeeded', expected: wins, actual: succeeded });
  }
  responses.forEach((response, index) => {
    if (response.status === 200) return;
    const refused =
      response.status === 400 && response.errors.includes('err.importProcessStatusInvalid');
    if (!refused) {
      mismatches.push({
        path: `${step.actions[index] ?? 'action'} answer`,
        expected: '200, or 400 err.importProcessStatusInvalid',
        actual: `${response.status} ${response.errors.join(' ')}`.trim(),
      });
    }
  });
  const shown = firstOf(responses);
  return {
    label: `race ${step.actions.join(' + ')} on ${step.process} → ${wins} win(s)`,
    mismatches,
    ...(shown === undefined ? {} : { response: shown }),
    rules: ['D-2'],
  };
}

function firstOf(responses: ApiResponse<unknown>[]): ApiResponse<unknown> | undefined {
  return responses.find((response) => response.status !== 200) ?? responses[0];
}
