import type { CreatedEntityInfo } from '../../../client/control-client.js';
import type { Exchange } from '../../runner/recording-client.js';
import type { InvariantViolation } from './invariant-violation.js';
import { checkRaceInvariants } from './race-invariants.js';
import { checkRequestIds } from './request-id-invariants.js';
import { checkStatusInvariants } from './status-invariants.js';
import { checkTenantInvariants } from './tenant-invariants.js';

/**
 * Every invariant over what a case saw — they hold whatever the oracle says: repeated
 * request ids, S-1, C-1…C-4, D-2, and, when the tenant's entities can be listed, entities
 * created once, never by a process discarded from REJECTED, and never without what they
 * refer to.
 */
export function checkInvariants(
  exchanges: readonly Exchange[],
  created: readonly CreatedEntityInfo[] | null,
): InvariantViolation[] {
  const { violations, replays } = checkRequestIds(exchanges);
  return [
    ...violations,
    ...checkStatusInvariants(exchanges, replays),
    ...checkRaceInvariants(exchanges, replays),
    ...(created === null ? [] : checkTenantInvariants(created, exchanges, replays)),
  ];
}

export type { InvariantViolation } from './invariant-violation.js';
