/**
 * Invariants over the status objects a client saw, whatever the oracle predicts: S-1 (a
 * final status never changes), the counters C-1…C-4 of every row, and the shape of each
 * validation error's originalSource (section 3).
 */
import type { DispatchStatusRow, StatusObject } from '../../../api/wire-types.js';
import type { Exchange } from '../../runner/recording-client.js';
import { before, FINAL_STATUSES, overlap, type InvariantViolation } from './invariant-violation.js';

/** An answer that shows a status object; a copy of its exchange, so compared by clock. */
type Snapshot = Exchange & { readonly status: StatusObject };

export function checkStatusInvariants(
  exchanges: readonly Exchange[],
  replays: ReadonlySet<Exchange>,
): InvariantViolation[] {
  const snapshots = exchanges
    .filter(
      (exchange): exchange is Snapshot =>
        !replays.has(exchange) && exchange.response.data !== null && exchange.response.status < 300,
    )
    .map((exchange) => ({ ...exchange, status: exchange.response.data as StatusObject }));
  const violations: InvariantViolation[] = [];

  // Step 1: each snapshot on its own (C-1, C-2).
  for (const snapshot of snapshots) violations.push(...rowViolations(snapshot));

  // Step 2: pairs of snapshots of one process, one answered before the other was asked.
  for (const earlier of snapshots) {
    for (const later of snapshots) {
      if (earlier.status.importProcessId !== later.status.importProcessId) continue;
      if (!before(earlier, later)) continue;
      violations.push(...pairViolations(earlier, later));
    }
  }

  // Step 3: a retry sends again exactly the entities not created (C-4).
  for (const retry of snapshots) {
    if (retry.action !== 'retry') continue;
    const violation = retryCountViolation(retry, exchanges, snapshots);
    if (violation !== null) violations.push(violation);
  }
  return violations;
}

function rowViolations(snapshot: Snapshot): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const fail = (rule: string, message: string): void => {
    violations.push({ rule, message, exchange: snapshot });
  };
  for (const row of snapshot.status.validationStatus ?? []) {
    if (row.processedCount > row.entryCount) {
      fail(
        'C-1',
        `${row.sourceName}: processedCount ${row.processedCount} > entryCount ${row.entryCount}`,
      );
    }
  }
  // Section 3: an item's originalSource is the entity's own source object, or null.
  for (const item of snapshot.status.validationErrors ?? []) {
    const source: unknown = (item as { originalSource?: unknown }).originalSource;
    const plain = typeof source === 'object' && !Array.isArray(source);
    if (source === undefined || !plain) {
      fail(
        'originalSource',
        `the error ${item.errorCode} of ${item.source.sourceRef} has originalSource ` +
          `${JSON.stringify(source) ?? 'absent'}, not an object or null`,
      );
    }
  }
  for (const row of snapshot.status.dispatchStatus ?? []) {
    if (row.ackedCount + row.nackedCount > row.dispatchedCount) {
      fail(
        'C-2',
        `${row.sourceName}: ackedCount ${row.ackedCount} + nackedCount ${row.nackedCount} > ` +
          `dispatchedCount ${row.dispatchedCount}`,
      );
    }
    if (row.dispatchedCount > row.entryCount) {
      fail(
        'C-2',
        `${row.sourceName}: dispatchedCount ${row.dispatchedCount} > entryCount ${row.entryCount}`,
      );
    }
  }
  return violations;
}

function pairViolations(earlier: Snapshot, later: Snapshot): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const was = earlier.status.statusCode;
  if (FINAL_STATUSES.includes(was) && later.status.statusCode !== was) {
    violations.push({
      rule: 'S-1',
      message: `${earlier.status.importProcessId} was ${was}, a final status, and later showed ${later.status.statusCode}`,
      exchange: later,
      earlier,
    });
  }
  for (const row of later.status.dispatchStatus ?? []) {
    const old = rowOf(earlier, row.sourceName);
    if (old === undefined) continue;
    if (row.ackedCount < old.ackedCount) {
      violations.push({
        rule: 'C-3',
        message: `${row.sourceName}: ackedCount fell from ${old.ackedCount} to ${row.ackedCount}`,
        exchange: later,
        earlier,
      });
    }
    if (row.retryCount < old.retryCount) {
      violations.push({
        rule: 'C-4',
        message: `${row.sourceName}: retryCount fell from ${old.retryCount} to ${row.retryCount}`,
        exchange: later,
        earlier,
      });
    }
  }
  return violations;
}

/**
 * A retry alone on its process, seen FAILED just before, must add each row's not-created
 * entities (its nackedCount then) to retryCount.
 */
function retryCountViolation(
  retry: Snapshot,
  exchanges: readonly Exchange[],
  snapshots: readonly Snapshot[],
): InvariantViolation | null {
  const id = retry.status.importProcessId;
  const racing = exchanges.some(
    (other) =>
      other.started !== retry.started &&
      other.processId === id &&
      other.kind === 'action' &&
      overlap(other, retry),
  );
  const previous = snapshots
    .filter((snapshot) => snapshot.status.importProcessId === id && before(snapshot, retry))
    .at(-1);
  if (racing || previous === undefined || previous.status.statusCode !== 'FAILED') return null;

  for (const row of retry.status.dispatchStatus ?? []) {
    const old = rowOf(previous, row.sourceName);
    if (old === undefined) continue;
    const expected = old.retryCount + old.nackedCount;
    if (row.retryCount !== expected) {
      return {
        rule: 'C-4',
        message:
          `${row.sourceName}: a retry of ${old.nackedCount} not-created entities took retryCount ` +
          `from ${old.retryCount} to ${row.retryCount}, not ${expected}`,
        exchange: retry,
        earlier: previous,
      };
    }
  }
  return null;
}

function rowOf(snapshot: Snapshot, type: string): DispatchStatusRow | undefined {
  return snapshot.status.dispatchStatus?.find((row) => row.sourceName === type);
}
