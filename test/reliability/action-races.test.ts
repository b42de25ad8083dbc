/**
 * Actions racing on one process over real sockets: two at once answer as one after the other
 * (D-2), and many actions with reads keep the counters C-1…C-4 and S-1. After each test the
 * invariants are checked from outside (support/race-simulator.ts).
 */
import { describe, expect, it } from 'vitest';
import { counterViolations, StatusWatch } from './support/invariants.js';
import { useRaceSimulator, type Start } from './support/race-simulator.js';
import {
  control,
  expectRefusal,
  inspectStatus,
  type Answer,
  type Data,
} from './support/reliability-simulator.js';

const ACTIONS = [
  'discard',
  'discard-rejected-entities',
  'discard-failed-entities',
  'retry',
] as const;
type Action = (typeof ACTIONS)[number];
const REPEATS = 3;

const sim = useRaceSimulator();
const { act, freshTenant, processIn, read } = sim;

// ---------------------------------------------------------------------------------------
// D-2 by hand: what each action does to these fixtures, written from the reference's tables
// (section 4), not taken from the model.

const ALLOWED_FROM: Readonly<Record<Action, readonly string[]>> = {
  discard: ['REJECTED', 'FAILED'],
  'discard-rejected-entities': ['REJECTED'],
  'discard-failed-entities': ['FAILED'],
  retry: ['FAILED'],
};
/** The status the action answers with (its own transition), by starting status. */
const ANSWERED: Readonly<Record<Action, Readonly<Record<string, string>>>> = {
  discard: { REJECTED: 'DISCARDED', FAILED: 'DISCARDED' },
  'discard-rejected-entities': { REJECTED: 'PARTIALLY_APPROVED' },
  'discard-failed-entities': { FAILED: 'PARTIALLY_DONE' },
  retry: { FAILED: 'SENDING' },
};
/** Where the process then rests at pace instant: the refused person is refused again. */
const SETTLED: Readonly<Record<Action, Readonly<Record<string, string>>>> = {
  discard: { REJECTED: 'DISCARDED', FAILED: 'DISCARDED' },
  'discard-rejected-entities': { REJECTED: 'PARTIALLY_DONE' },
  'discard-failed-entities': { FAILED: 'PARTIALLY_DONE' },
  retry: { FAILED: 'FAILED' },
};

/** What two actions answer when applied one after the other, as `status:statusCode`. */
function serially(start: Start, order: readonly Action[]): string[] {
  let status: string = start;
  return order.map((action) => {
    if (!ALLOWED_FROM[action].includes(status)) return `400:${status}`;
    const answered = ANSWERED[action][status] ?? '?';
    status = SETTLED[action][status] ?? '?';
    return `200:${answered}`;
  });
}

/** An answer as `status:statusCode`; a refusal shows the status it was judged against. */
function outcome(answer: Answer): string {
  const body = answer.body as { data: Data | null; validationErrors: Data[] | null };
  if (answer.status === 200) return `200:${String(body.data?.['statusCode'])}`;
  expectRefusal(answer, 400, 'err.importProcessStatusInvalid');
  return `400:${String(body.validationErrors?.[0]?.['errorValue'])}`;
}

describe('D-2: two actions racing on one process', () => {
  const pairs = ACTIONS.flatMap((first, index) =>
    ACTIONS.slice(index).map((second) => [first, second] as const),
  );

  for (const start of ['REJECTED', 'FAILED'] as const) {
    it.each(pairs)(
      `from ${start}, %s and %s at once answer as one after the other`,
      async (a, b) => {
        for (let repeat = 0; repeat < REPEATS; repeat++) {
          const id = await processIn(start, freshTenant());

          const answers = await Promise.all([act(id, a), act(id, b)]);

          const seen = answers.map(outcome);
          const orders = [serially(start, [a, b]), serially(start, [b, a])];
          expect(orders.map((order) => order.join(' '))).toContain(seen.join(' '));
          const actionTransitions = (
            await control<{ history: Array<{ transition: string }> }>(sim.url, `/processes/${id}`)
          ).history.filter((entry) =>
            ['T-12', 'T-13', 'T-14', 'T-15', 'T-16'].includes(entry.transition),
          );
          expect(actionTransitions).toHaveLength(
            seen.filter((answer) => answer.startsWith('200')).length,
          );
        }
      },
    );
  }
});

describe('many actions and reads racing on one process', () => {
  it('counts one transition per success, refuses the rest by D-1, and keeps C-1…C-4 and S-1', async () => {
    const watch = new StatusWatch();
    const counters: string[] = [];
    for (let run = 0; run < 5; run++) {
      const id = await processIn('FAILED', freshTenant());
      const actions: Action[] = ACTIONS.flatMap((action) => [action, action, action]);

      // One reader polls in order (so C-3 and S-1 can be judged over time) while the
      // actions and more reads race.
      let racing = true;
      const poller = (async () => {
        while (racing) watch.observe(((await read(id)).body as { data: Data }).data);
      })();
      const answers = await Promise.all([
        ...actions.map((action) => act(id, action)),
        ...Array.from({ length: 6 }, () => read(id)),
      ]);
      racing = false;
      await poller;

      for (const answer of answers) {
        expect([200, 400]).toContain(answer.status);
        if (answer.status === 400) expectRefusal(answer, 400, 'err.importProcessStatusInvalid');
        else counters.push(...counterViolations((answer.body as { data: Data }).data));
      }
      const history = (
        await control<{ history: Array<{ transition: string; from: string | null }> }>(
          sim.url,
          `/processes/${id}`,
        )
      ).history;
      const successes = answers.slice(0, actions.length).filter((answer) => answer.status === 200);
      const byClients = history.filter((entry) => /^T-1[2-6]$/.test(entry.transition));
      expect(byClients).toHaveLength(successes.length);
      // After a final status nothing happened any more (S-1).
      const afterFinal = history.filter((entry) =>
        ['DONE', 'PARTIALLY_DONE', 'DISCARDED', 'ERROR'].includes(String(entry.from)),
      );
      expect(afterFinal).toEqual([]);
      watch.observe(await inspectStatus(sim.url, id));
      watch.observe(((await read(id)).body as { data: Data }).data);
    }
    expect(counters).toEqual([]);
    expect(watch.violations).toEqual([]);
  });
});
