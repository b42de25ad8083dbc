/**
 * Invariants of the reference checked from outside: from status objects (H-2 answers) and
 * the control API, never from the model the simulator runs on, so a model defect cannot hide
 * behind itself. Each check returns readable violations; an empty list means it holds.
 *
 * - C-1 `processedCount ≤ entryCount`; C-2 `ackedCount + nackedCount ≤ dispatchedCount ≤
 *   entryCount`; C-3 `ackedCount` never decreases and an entity is created at most once;
 *   C-4 `retryCount` counts the sends made by retries; S-1 a final status never changes.
 */
import { control, type Data } from './reliability-simulator.js';

/** The statuses that never change again (reference section 2). */
export const FINAL_STATUSES: readonly string[] = ['ERROR', 'DONE', 'PARTIALLY_DONE', 'DISCARDED'];
const ROW_TYPES = [
  'ACCOUNT.ACCOUNT_TRANSACTION',
  'ACCOUNT.ACCOUNT',
  'LOAN.CONTRACT',
  'PERSON.PERSON',
];

/** C-1 and C-2 on every row of one status object. */
export function counterViolations(status: Data): string[] {
  const id = String(status['importProcessId']);
  const violations: string[] = [];
  const count = (row: Data, name: string): number => {
    const value = row[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      violations.push(`${id} ${String(row['sourceName'])}: ${name} is ${JSON.stringify(value)}`);
      return 0;
    }
    return value;
  };

  const validation = status['validationStatus'] as Data[] | null;
  if (validation !== null) {
    if (!sameTypes(validation))
      violations.push(`${id}: validationStatus rows are not one per type`);
    for (const row of validation) {
      if (count(row, 'processedCount') > count(row, 'entryCount')) {
        violations.push(`${id} ${String(row['sourceName'])}: C-1 processedCount > entryCount`);
      }
    }
  }

  const dispatch = status['dispatchStatus'] as Data[] | null;
  if (dispatch !== null) {
    if (!sameTypes(dispatch)) violations.push(`${id}: dispatchStatus rows are not one per type`);
    for (const row of dispatch) {
      const [entry, dispatched] = [count(row, 'entryCount'), count(row, 'dispatchedCount')];
      const answered = count(row, 'ackedCount') + count(row, 'nackedCount');
      count(row, 'retryCount');
      if (answered > dispatched || dispatched > entry) {
        violations.push(
          `${id} ${String(row['sourceName'])}: C-2 acked + nacked ≤ dispatched ≤ entry fails ` +
            `(${answered}, ${dispatched}, ${entry})`,
        );
      }
    }
  }
  return violations;
}

/**
 * Follows the status objects of processes over time: C-1/C-2 on each, C-3 (`ackedCount`
 * never decreases) and S-1 (a final status object never changes) between them.
 */
export class StatusWatch {
  readonly #last = new Map<string, Data>();
  readonly violations: string[] = [];

  observe(status: Data | null | undefined): void {
    if (status === null || status === undefined) return;
    const id = String(status['importProcessId']);
    this.violations.push(...counterViolations(status));

    const previous = this.#last.get(id);
    if (previous !== undefined) {
      if (FINAL_STATUSES.includes(String(previous['statusCode']))) {
        if (JSON.stringify(previous) !== JSON.stringify(status)) {
          this.violations.push(
            `${id}: S-1 final ${String(previous['statusCode'])} changed to ` +
              `${String(status['statusCode'])}`,
          );
        }
      }
      for (const type of ROW_TYPES) {
        const before = acked(previous, type);
        const now = acked(status, type);
        if (now < before)
          this.violations.push(`${id} ${type}: C-3 ackedCount fell ${before} → ${now}`);
      }
    }
    this.#last.set(id, status);
  }

  /** Every process seen so far, by id. */
  seen(): ReadonlyMap<string, Data> {
    return this.#last;
  }
}

interface InspectedEntity {
  readonly type: string;
  readonly key: string;
  readonly status: string;
  readonly sends: number;
  readonly retrySends: number;
}

interface Inspection {
  readonly tenant: string;
  readonly status: Data;
  readonly entities: readonly InspectedEntity[];
  readonly history: ReadonlyArray<{ transition: string }>;
}

/**
 * Everything the control API shows, checked as a whole: C-1/C-2 on every kept process, C-4
 * against the entities' retry sends and the retries in the history, and C-3's "created at
 * most once" between the processes and the tenants' entities.
 */
export async function worldViolations(url: string): Promise<string[]> {
  const violations: string[] = [];
  const { processes } = await control<{
    processes: Array<{ importProcessId: string; tenant: string; historyDropped: number }>;
  }>(url, '/processes');

  const createdBy = new Map<string, string>();
  const tenants = new Set<string>();
  for (const summary of processes) {
    const id = summary.importProcessId;
    tenants.add(summary.tenant);
    const inspection = await control<Inspection>(url, `/processes/${encodeURIComponent(id)}`);
    violations.push(...counterViolations(inspection.status));
    violations.push(...retryViolations(id, inspection, summary.historyDropped));
    for (const entity of inspection.entities) {
      if (entity.status !== 'CREATED') continue;
      const key = JSON.stringify([inspection.tenant, entity.type, entity.key]);
      const other = createdBy.get(key);
      if (other !== undefined) violations.push(`${entity.key}: created by both ${other} and ${id}`);
      createdBy.set(key, id);
    }
  }

  // The tenants hold each entity once, and each kept process's created entities are there.
  for (const tenant of tenants) {
    const { entities } = await control<{ entities: Array<Data & { processId: string }> }>(
      url,
      `/tenants/${encodeURIComponent(tenant)}/entities`,
    );
    const seen = new Set<string>();
    for (const entity of entities) {
      const key = JSON.stringify([tenant, entity['type'], entity['key']]);
      if (seen.has(key)) violations.push(`${tenant}: ${String(entity['key'])} is held twice`);
      seen.add(key);
      const creator = createdBy.get(key);
      if (creator !== undefined && creator !== entity.processId) {
        violations.push(
          `${String(entity['key'])}: held as created by ${entity.processId}, not ${creator}`,
        );
      }
    }
    for (const [key, creator] of createdBy) {
      if (JSON.parse(key)[0] === tenant && !seen.has(key)) {
        violations.push(`${key}: CREATED in ${creator} but not held by the tenant`);
      }
    }
  }
  return violations;
}

/** C-4: a row's retryCount is the retry sends of its entities, each at most one per retry. */
function retryViolations(id: string, inspection: Inspection, historyDropped: number): string[] {
  const violations: string[] = [];
  const retries = inspection.history.filter((entry) => entry.transition === 'T-16').length;
  const rows = (inspection.status['dispatchStatus'] as Data[] | null) ?? [];
  for (const row of rows) {
    const entities = inspection.entities.filter((entity) => entity.type === row['sourceName']);
    const resent = entities.reduce((sum, entity) => sum + entity.retrySends, 0);
    if (row['retryCount'] !== resent) {
      violations.push(
        `${id} ${String(row['sourceName'])}: C-4 retryCount ${String(row['retryCount'])} ≠ ${resent} retry sends`,
      );
    }
    for (const entity of entities) {
      if (
        entity.sends < entity.retrySends ||
        (historyDropped === 0 && entity.retrySends > retries)
      ) {
        violations.push(
          `${id} ${entity.key}: ${entity.retrySends} retry sends for ${retries} retries`,
        );
      }
    }
  }
  return violations;
}

function acked(status: Data, type: string): number {
  const rows = (status['dispatchStatus'] as Data[] | null) ?? [];
  const row = rows.find((candidate) => candidate['sourceName'] === type);
  return typeof row?.['ackedCount'] === 'number' ? row['ackedCount'] : 0;
}

function sameTypes(rows: readonly Data[]): boolean {
  const types = rows.map((row) => String(row['sourceName'])).sort();
  return JSON.stringify(types) === JSON.stringify([...ROW_TYPES].sort());
}
