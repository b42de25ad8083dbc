/**
 * Invariants over the entities a tenant holds at the end of a case (control API listing):
 * none created twice, none left by a process discarded from REJECTED, and every account's
 * or contract's person and every transaction's account among them.
 */
import type { CreatedEntityInfo } from '../../../client/control-client.js';
import type { Exchange } from '../../runner/recording-client.js';
import { before, overlap, type InvariantViolation } from './invariant-violation.js';

const REFERENCED_TYPE: Readonly<Record<string, string>> = {
  'ACCOUNT.ACCOUNT': 'PERSON.PERSON',
  'LOAN.CONTRACT': 'PERSON.PERSON',
  'ACCOUNT.ACCOUNT_TRANSACTION': 'ACCOUNT.ACCOUNT',
};

export function checkTenantInvariants(
  created: readonly CreatedEntityInfo[],
  exchanges: readonly Exchange[],
  replays: ReadonlySet<Exchange>,
): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const typedKey = (type: string, key: string): string => JSON.stringify([type, key]);

  // Step 1: an entity is created at most once.
  const seen = new Set<string>();
  for (const entity of created) {
    const id = typedKey(entity.type, entity.key);
    if (seen.has(id)) {
      violations.push({
        rule: 'created-once',
        message: `${entity.type} ${entity.key} is in the tenant twice`,
        exchange: null,
      });
    }
    seen.add(id);
  }

  // Step 2: what an entity refers to exists.
  for (const entity of created) {
    const type = REFERENCED_TYPE[entity.type];
    if (type === undefined) continue;
    if (entity.reference !== null && seen.has(typedKey(type, entity.reference))) continue;
    violations.push({
      rule: 'references-exist',
      message:
        `${entity.type} ${entity.key} (created by ${entity.processId}) refers to ` +
        `${type} ${entity.reference ?? '(none)'}, which the tenant does not hold`,
      exchange: null,
    });
  }

  // Step 3: a process discarded from REJECTED created nothing.
  for (const discard of exchanges) {
    if (!isDiscardFromRejected(discard, exchanges, replays)) continue;
    const left = created.filter((entity) => entity.processId === discard.processId);
    if (left.length === 0) continue;
    violations.push({
      rule: discard.action === 'discard' ? 'T-12' : 'T-13',
      message:
        `${discard.processId ?? ''} was discarded from REJECTED, yet created ` +
        left.map((entity) => `${entity.type} ${entity.key}`).join(', '),
      exchange: discard,
    });
  }
  return violations;
}

/** A lone, successful discard whose process was last seen REJECTED. */
function isDiscardFromRejected(
  discard: Exchange,
  exchanges: readonly Exchange[],
  replays: ReadonlySet<Exchange>,
): boolean {
  const ended = discard.response.data?.statusCode === 'DISCARDED';
  const fullDiscard =
    discard.action === 'discard' || discard.action === 'discard-rejected-entities';
  if (discard.kind !== 'action' || !fullDiscard || !ended || replays.has(discard)) return false;
  const others = exchanges.filter(
    (other) => other !== discard && other.processId === discard.processId && !replays.has(other),
  );
  if (others.some((other) => other.kind === 'action' && overlap(other, discard))) return false;
  const previous = others
    .filter((other) => before(other, discard) && other.response.data !== null)
    .at(-1);
  return previous?.response.data?.statusCode === 'REJECTED';
}
