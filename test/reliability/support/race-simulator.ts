/**
 * The simulator the race suites share: started with room for many uploads at once and a
 * fault rule that refuses one person, checked after every test for internal errors and for
 * the invariants C-1…C-4 and S-1 (invariants.ts), with the requests the races are made of.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { worldViolations } from './invariants.js';
import {
  call,
  control,
  idOf,
  invalidPerson,
  person,
  startReliabilitySimulator,
  TOKEN,
  upload,
  waitForStatus,
  type Answer,
  type ReliabilitySimulator,
} from './reliability-simulator.js';

/** The status a fixture process rests in before the race. */
export type Start = 'REJECTED' | 'FAILED';

/** The key every FAILED fixture uses for the person the target API always refuses. */
const REFUSED = 'P-REFUSED';

export interface RaceSimulator {
  /** The base URL of the simulator, once the suite has started it. */
  readonly url: string;
  /** A tenant no test has used yet. */
  readonly freshTenant: () => string;
  /** H-3 … H-6 on a process, as its owner. */
  readonly act: (id: string, action: string, headers?: Record<string, string>) => Promise<Answer>;
  /** H-2 on a process. */
  readonly read: (id: string) => Promise<Answer>;
  /** The ids of every process the simulator holds. */
  readonly listIds: () => Promise<string[]>;
  /** A process resting in `start`: one valid person and one that fails (V-2, or refused). */
  readonly processIn: (start: Start, tenant: string) => Promise<string>;
}

/** Starts the simulator before the suite, checks it after each test, and closes it. */
export function useRaceSimulator(): RaceSimulator {
  let sim: ReliabilitySimulator;
  let tenants = 0;
  const url = (): string => sim.url;

  beforeAll(async () => {
    // Up to 25 uploads are in flight at once here; the default of 16 would refuse some (429).
    sim = await startReliabilitySimulator({ maxConcurrentUploads: 64 });
    const fault = await call(sim.url, '/__simulator/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ match: { key: REFUSED }, refuse: 'every' }),
    });
    expect(fault.status).toBe(201);
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(async () => {
    expect(sim.internalErrors).toEqual([]);
    expect(await worldViolations(url())).toEqual([]);
  });

  const act = (id: string, action: string, headers: Record<string, string> = {}): Promise<Answer> =>
    call(url(), `/api/v1/import/${id}/${action}`, {
      method: 'POST',
      headers: { 'x-auth-token': TOKEN, ...headers },
    });
  const read = (id: string): Promise<Answer> =>
    call(url(), `/api/v1/import/status/${id}`, { headers: { 'x-auth-token': TOKEN } });
  const listIds = async (): Promise<string[]> =>
    (
      await control<{ processes: Array<{ importProcessId: string }> }>(url(), '/processes')
    ).processes.map((process) => process.importProcessId);

  const processIn = async (start: Start, tenant: string): Promise<string> => {
    const second = start === 'REJECTED' ? invalidPerson('P-INVALID') : person(REFUSED);
    const file = JSON.stringify({ persons: [person('P-OK'), second] });
    const id = idOf(await upload(url(), tenant, 'fixture', file));
    await waitForStatus(url(), id, [start]);
    return id;
  };

  return {
    get url() {
      return url();
    },
    freshTenant: () => `race-${++tenants}`,
    act,
    read,
    listIds,
    processIn,
  };
}
