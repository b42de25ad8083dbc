/**
 * Every row of docs/bad-input.md: the request, the answer it gets, and that nothing else
 * changed — no process created for a refusal, one process ending as the table says for a
 * file judged by technical validation, and every process that existed before untouched.
 * The rows themselves are in bad-input/, one module per part of the document.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { documentedRows } from './bad-input/documented-rows.js';
import { BAD, FIXTURES, LIMITS, type Row } from './bad-input/row.js';
import { ROWS } from './bad-input/rows.js';
import {
  call,
  control,
  expectRefusal,
  idOf,
  invalidPerson,
  person,
  snapshot,
  startReliabilitySimulator,
  TOKEN,
  upload,
  type Data,
  type ReliabilitySimulator,
} from './support/reliability-simulator.js';

let sim: ReliabilitySimulator;

// ---------------------------------------------------------------------------------------
// The suite: one simulator with a process in each kind of status that must not change.

const fixtureIds: string[] = [];

beforeAll(async () => {
  sim = await startReliabilitySimulator(LIMITS);
  await control(sim.url, '/faults', 'DELETE');
  const fault = await call(sim.url, '/__simulator/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ match: { key: 'FX-FAILED' }, refuse: 'every' }),
  });
  expect(fault.status).toBe(201);
  for (const [ref, file] of [
    ['fx-done', { persons: [person('FX-DONE')] }],
    ['fx-rejected', { persons: [person('FX-OK'), invalidPerson('FX-BAD')] }],
    ['fx-failed', { persons: [person('FX-FAILED')] }],
  ] as const) {
    fixtureIds.push(idOf(await upload(sim.url, FIXTURES, ref, JSON.stringify(file))));
  }
});

afterAll(async () => {
  await sim.close();
});

afterEach(() => {
  expect(sim.internalErrors).toEqual([]);
});

describe('bad input (docs/bad-input.md)', () => {
  it('has fixture processes in DONE, REJECTED and FAILED to watch', async () => {
    const statuses = await Promise.all(
      fixtureIds.map(async (id) => {
        const inspected = await control<{ status: Data }>(sim.url, `/processes/${id}`);
        return inspected.status['statusCode'];
      }),
    );
    expect(statuses).toEqual(['DONE', 'REJECTED', 'FAILED']);
  });

  for (const row of ROWS) {
    it(`${row.id} answers ${row.name} as documented and changes nothing else`, async () => {
      const before = await snapshot(sim.url, [FIXTURES, BAD]);

      const answer = await row.send(sim.url);

      if (row.refused !== undefined) {
        expectRefusal(answer, row.refused.status, ...row.refused.codes);
        expect(await snapshot(sim.url, [FIXTURES, BAD])).toEqual(before);
      } else if (row.accepted !== undefined) {
        await expectOneNewProcess(before, answer, row.accepted);
      }
      row.also?.(answer);

      // The server still answers, and never with a 5xx.
      const alive = await call(sim.url, `/api/v1/import/status/${fixtureIds[0] ?? ''}`, {
        headers: { 'x-auth-token': TOKEN },
      });
      expect(alive.status).toBe(200);
    });
  }

  it('documents every row it tests, and tests every row it documents', () => {
    const documented = documentedRows();
    expect(documented.map((row) => row.id)).toEqual(ROWS.map((row) => row.id));
    for (const row of ROWS) {
      const doc = documented.find((candidate) => candidate.id === row.id);
      if (row.refused !== undefined) {
        expect({ id: row.id, status: doc?.status, codes: doc?.codes }).toEqual({
          id: row.id,
          status: row.refused.status,
          codes: row.refused.codes,
        });
      } else {
        expect({ id: row.id, status: doc?.status, outcome: doc?.outcome }).toEqual({
          id: row.id,
          status: 202,
          outcome: row.accepted?.outcome,
        });
      }
    }
  });
});

/** The old processes unchanged, one new one in the tenant of bad requests, ending as told. */
async function expectOneNewProcess(
  before: Awaited<ReturnType<typeof snapshot>>,
  answer: { status: number; body: unknown },
  accepted: NonNullable<Row['accepted']>,
): Promise<void> {
  const id = idOf({ ...answer, headers: new Headers() });
  const after = await snapshot(sim.url, [FIXTURES, BAD]);
  const statusOf = (process: Data): Data => process['status'] as Data;
  const old = after.processes.filter((process) => statusOf(process)['importProcessId'] !== id);
  expect(old).toEqual(before.processes);
  expect(after.created[FIXTURES]).toEqual(before.created[FIXTURES]);

  const created = after.processes.find((process) => statusOf(process)['importProcessId'] === id);
  expect(created?.['tenant']).toBe(BAD);
  expect(statusOf(created ?? {})['statusCode']).toBe(accepted.outcome);
  if (accepted.reason !== undefined) {
    expect(String(created?.['technicalError'])).toMatch(accepted.reason);
  }

  // Its status object reads as the envelope, however odd the file was.
  const read = await call(sim.url, `/api/v1/import/status/${id}`, {
    headers: { 'x-auth-token': TOKEN },
  });
  expect(read.status).toBe(200);
  if (accepted.outcome === 'ERROR') {
    expect((read.body as { data: Data }).data).toMatchObject({
      statusCode: 'ERROR',
      validationStatus: null,
      validationErrors: null,
      dispatchStatus: null,
    });
  }
}
