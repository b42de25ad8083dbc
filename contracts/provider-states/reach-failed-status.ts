import { expectAnswer } from './expect-answer.js';
import { personsFile, validPerson } from './import-files.js';
import { requireAtLeast } from './reach-public-status.js';
import { requireControl } from './require-control.js';
import type { StateContext } from './state-context.js';
import { newKeys, uploadFile } from './upload-file.js';
import { waitForStatus } from './wait-for-status.js';

export interface FailedPlan {
  readonly tenant: string;
  readonly valid: number;
  readonly refused: number;
}

/**
 * FAILED (T-11): valid persons, of which the target refuses `refused` at dispatch. Only a
 * fault rule makes a target refuse on purpose, so this needs the control API.
 */
export async function reachFailedStatus(context: StateContext, plan: FailedPlan): Promise<string> {
  const control = requireControl(
    context,
    'FAILED needs a fault rule that makes the target refuse an entity',
  );
  requireAtLeast(plan.refused, 1, 'refused', 'FAILED');

  // Step 1: a fault rule per refused key, so no other process is touched.
  const refusedKeys = newKeys(context, 'PACT-REFUSED', plan.refused);
  for (const key of refusedKeys) {
    const rule = await control.addFault({ match: { type: 'PERSON.PERSON', key }, refuse: 'every' });
    expectAnswer(rule, 201, `Adding a fault rule for ${key}`);
  }

  // Step 2: every person is valid; the refused ones fail at dispatch.
  const persons = [...newKeys(context, 'PACT-P', plan.valid), ...refusedKeys].map(validPerson);
  const id = await uploadFile(context, { tenant: plan.tenant, content: personsFile(persons) });
  await waitForStatus(context, id, 'FAILED');
  return id;
}
