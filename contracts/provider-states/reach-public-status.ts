import type { ProcessStatus } from '../../model/statuses.js';
import { StateSetupError } from '../errors/state-setup-error.js';
import { expectAnswer } from './expect-answer.js';
import { NOT_JSON_FILE, invalidPerson, personsFile, validPerson } from './import-files.js';
import type { StateContext } from './state-context.js';
import { newKeys, uploadFile } from './upload-file.js';
import { waitForStatus } from './wait-for-status.js';

/** Statuses reference section 12 reaches with H-1 … H-6 alone, so on any provider. */
export type PublicStatus = 'ERROR' | 'REJECTED' | 'DONE' | 'PARTIALLY_DONE' | 'DISCARDED';

export const PUBLIC_STATUSES: readonly ProcessStatus[] = [
  'ERROR',
  'REJECTED',
  'DONE',
  'PARTIALLY_DONE',
  'DISCARDED',
];

export interface EntityPlan {
  readonly tenant: string;
  readonly valid: number;
  readonly invalid: number;
}

/** Reaches a public status and returns the process id. */
export async function reachPublicStatus(
  context: StateContext,
  status: PublicStatus,
  plan: EntityPlan,
): Promise<string> {
  // ERROR: technical validation refuses a file that is not JSON (T-3).
  if (status === 'ERROR') {
    const id = await uploadFile(context, { tenant: plan.tenant, content: NOT_JSON_FILE });
    await waitForStatus(context, id, 'ERROR');
    return id;
  }

  // DONE: valid persons only (T-7, T-9).
  if (status === 'DONE') {
    requireAtLeast(plan.valid, 1, 'valid', status);
    const id = await uploadPersons(context, plan.tenant, plan.valid, 0);
    await waitForStatus(context, id, 'DONE');
    return id;
  }

  // REJECTED: at least one invalid person (T-6); the rest of the step builds on it.
  const invalid = status === 'REJECTED' ? plan.invalid : 1;
  requireAtLeast(invalid, 1, 'invalid', status);
  if (status === 'PARTIALLY_DONE') requireAtLeast(plan.valid, 1, 'valid', status);
  const id = await uploadPersons(context, plan.tenant, plan.valid, invalid);
  await waitForStatus(context, id, 'REJECTED');
  if (status === 'REJECTED') return id;

  // DISCARDED: a full discard of the REJECTED process (T-12).
  if (status === 'DISCARDED') {
    expectAnswer(await context.client.act('discard', id), 200, `Discarding ${id}`);
    await waitForStatus(context, id, 'DISCARDED');
    return id;
  }

  // PARTIALLY_DONE: the invalid person discarded, the valid rest created (T-13, T-10).
  expectAnswer(
    await context.client.act('discard-rejected-entities', id),
    200,
    `Discarding the rejected entities of ${id}`,
  );
  await waitForStatus(context, id, 'PARTIALLY_DONE');
  return id;
}

/** H-1 of `valid` good and `invalid` bad persons, each under a key of its own. */
export async function uploadPersons(
  context: StateContext,
  tenant: string,
  valid: number,
  invalid: number,
): Promise<string> {
  const persons = [
    ...newKeys(context, 'PACT-P', valid).map(validPerson),
    ...newKeys(context, 'PACT-BAD', invalid).map(invalidPerson),
  ];
  return uploadFile(context, { tenant, content: personsFile(persons) });
}

export function requireAtLeast(
  count: number,
  minimum: number,
  name: string,
  status: ProcessStatus,
): void {
  if (count >= minimum) return;
  throw new StateSetupError(
    `Status ${status} needs at least ${minimum} ${name} ${minimum === 1 ? 'entity' : 'entities'}; ` +
      `parameter "${name}" is ${count}.`,
  );
}
