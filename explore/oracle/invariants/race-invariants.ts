/**
 * D-2 over actions that were under way at the same time on one process: every loser is
 * refused as D-1 says, a win is certain when the status before allowed one of them, and no
 * two winners conflict — two actions can both win only when the first could have settled
 * in FAILED (its answer is SENDING or PARTIALLY_APPROVED) and the second is allowed there.
 */
import type { Exchange } from '../../runner/recording-client.js';
import { ALLOWED_FROM, type ActionName } from '../client-actions.js';
import type { ProcessStatus } from '../oracle-state.js';
import { overlap, type InvariantViolation } from './invariant-violation.js';

export function checkRaceInvariants(
  exchanges: readonly Exchange[],
  replays: ReadonlySet<Exchange>,
): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const fresh = exchanges.filter((exchange) => !replays.has(exchange));
  for (const race of raceGroups(fresh.filter((exchange) => exchange.kind === 'action'))) {
    violations.push(...raceViolations(race, fresh));
  }
  return violations;
}

/** Groups of two or more overlapping actions on the same process. */
function raceGroups(actions: readonly Exchange[]): Exchange[][] {
  const groups: Exchange[][] = [];
  for (const action of actions) {
    const group = groups.find((candidate) =>
      candidate.some((other) => other.processId === action.processId && overlap(other, action)),
    );
    if (group === undefined) groups.push([action]);
    else group.push(action);
  }
  return groups.filter((group) => group.length > 1);
}

function raceViolations(race: readonly Exchange[], all: readonly Exchange[]): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const winners = race.filter((exchange) => exchange.response.status === 200);

  // Step 1: a loser is refused for the status the winner left, nothing else.
  for (const loser of race) {
    if (loser.response.status === 200) continue;
    const refused =
      loser.response.status === 400 &&
      loser.response.errors.includes('err.importProcessStatusInvalid');
    if (!refused) {
      violations.push({
        rule: 'D-2',
        message: `a racing ${loser.action ?? 'action'} answered ${loser.response.status} ${loser.response.errors.join(' ')}, not 200 or 400 err.importProcessStatusInvalid`,
        exchange: loser,
      });
    }
  }

  // Step 2: if the status before the race allowed one of the actions, one of them wins.
  const first = Math.min(...race.map((exchange) => exchange.started));
  const previous = all
    .filter(
      (exchange) =>
        exchange.processId === race[0]?.processId &&
        exchange.ended < first &&
        exchange.response.data !== null,
    )
    .at(-1);
  const status = previous?.response.data?.statusCode;
  const anyAllowed = race.some(
    (exchange) => status !== undefined && allowed(exchange.action, status),
  );
  if (anyAllowed && winners.length === 0 && race[0] !== undefined) {
    violations.push({
      rule: 'D-2',
      message: `none of ${race.map((e) => e.action).join(', ')} won, though ${status ?? ''} allowed one`,
      exchange: race[0],
    });
  }

  // Step 3: no two winners that exclude each other.
  for (const a of winners) {
    for (const b of winners) {
      if (a === b || canBothWin(a, b) || canBothWin(b, a)) continue;
      violations.push({
        rule: 'D-2',
        message: `both ${a.action ?? ''} and ${b.action ?? ''} won a race; exactly one of two conflicting actions may`,
        exchange: b,
        earlier: a,
      });
      return violations;
    }
  }
  return violations;
}

/** Whether `second` may win after `first` won: `first` may have settled in FAILED. */
function canBothWin(first: Exchange, second: Exchange): boolean {
  const answered = first.response.data?.statusCode;
  const mayFail = answered === 'SENDING' || answered === 'PARTIALLY_APPROVED';
  return mayFail && allowed(second.action, 'FAILED');
}

function allowed(action: ActionName | null, status: ProcessStatus): boolean {
  return action !== null && ALLOWED_FROM[action].includes(status);
}
