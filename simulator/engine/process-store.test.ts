import { describe, expect, it } from 'vitest';
import type { ImportProcess } from '../../model/import-process.js';
import type { ProcessStatus } from '../../model/statuses.js';
import { ProcessStore } from './process-store.js';

function process(id: string, status: ProcessStatus, transitions = 1): ImportProcess {
  return {
    id,
    tenant: 'MB',
    source: { sourceName: 'a', sourceRef: id, sourceLink: null },
    status,
    upload: null,
    technicalError: null,
    entities: [],
    validationId: null,
    validationRowIds: null,
    dispatchId: null,
    dispatchRowIds: null,
    history: Array.from({ length: transitions }, (_, n) => ({
      transition: 'T-16' as const,
      from: 'FAILED' as const,
      to: 'SENDING' as const,
      at: new Date(n).toISOString(),
    })),
  };
}

const limits = { maxProcesses: 2, maxStoredBytes: 100, maxHistoryEntries: 3 };

describe('ProcessStore', () => {
  it('forgets the final process that ended first, not the one created first', () => {
    const store = new ProcessStore(limits);
    store.add(process('A', 'INSERTED'), 10);
    store.add(process('B', 'INSERTED'), 10);
    store.update(process('B', 'DONE'));
    store.update(process('A', 'DONE'));

    expect(store.makeRoom(10)).toBeNull();
    expect([...store.ids()]).toEqual(['A']);
  });

  it('forgets no suspended or running process, and says what holds the room', () => {
    const store = new ProcessStore(limits);
    store.add(process('A', 'REJECTED'), 10);
    store.add(process('B', 'SENDING'), 10);

    expect(store.makeRoom(10)).toEqual({ limit: 'maxProcesses', transient: 1, suspended: 1 });
    expect(store.size).toBe(2);
  });

  it('makes room for bytes as for processes', () => {
    const store = new ProcessStore({ ...limits, maxProcesses: 10 });
    store.add(process('A', 'DONE'), 60);
    store.add(process('B', 'FAILED'), 30);

    expect(store.makeRoom(50)).toBeNull();
    expect([...store.ids()]).toEqual(['B']);
    expect(store.storedBytes).toBe(30);
    expect(store.makeRoom(80)).toMatchObject({ limit: 'maxStoredBytes' });
  });

  it('keeps the latest history entries within the limit and counts the others', () => {
    const store = new ProcessStore(limits);
    store.add(process('A', 'FAILED'), 0);
    store.update(process('A', 'FAILED', 5));

    expect(store.get('A')?.history).toHaveLength(3);
    expect(store.historyDropped('A')).toBe(2);
  });

  it('holds no bytes for a process that ended in ERROR', () => {
    const store = new ProcessStore(limits);
    store.add(process('A', 'PARSING'), 40);
    store.update(process('A', 'ERROR'));

    expect(store.storedBytes).toBe(0);
  });
});
