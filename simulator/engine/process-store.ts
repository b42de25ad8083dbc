import type { ImportProcess } from '../../model/import-process.js';
import { STATUS_KIND, type StatusKind } from '../../model/statuses.js';
import type { SimulatorLimits } from '../simulator-options.js';

export type StoreLimits = Pick<
  SimulatorLimits,
  'maxProcesses' | 'maxStoredBytes' | 'maxHistoryEntries'
>;

/** Why a new process cannot be kept, and what holds the room. */
export interface StoreFull {
  readonly limit: 'maxProcesses' | 'maxStoredBytes';
  readonly transient: number;
  readonly suspended: number;
}

interface Kept {
  readonly process: ImportProcess;
  /** Bytes of the file the process holds, as parsed entities or as the stored upload. */
  readonly bytes: number;
  /** History entries dropped to keep the history within its limit. */
  readonly historyDropped: number;
}

/**
 * The processes a simulator keeps, within its limits. Room for a new one is made by
 * forgetting final processes, the one that ended longest ago first; suspended and running
 * processes are never forgotten, so when only they are left a new process is refused.
 */
export class ProcessStore {
  readonly #limits: StoreLimits;
  /** In the order the processes were created. */
  readonly #kept = new Map<string, Kept>();
  /** Final processes, in the order they ended: the first is forgotten first. */
  readonly #ended = new Set<string>();
  #storedBytes = 0;

  constructor(limits: StoreLimits) {
    this.#limits = limits;
  }

  get size(): number {
    return this.#kept.size;
  }

  get storedBytes(): number {
    return this.#storedBytes;
  }

  get(id: string): ImportProcess | undefined {
    return this.#kept.get(id)?.process;
  }

  historyDropped(id: string): number {
    return this.#kept.get(id)?.historyDropped ?? 0;
  }

  ids(): IterableIterator<string> {
    return this.#kept.keys();
  }

  *processes(): IterableIterator<ImportProcess> {
    for (const kept of this.#kept.values()) yield kept.process;
  }

  /** How many kept processes are transient, suspended and final. */
  countByKind(): Record<StatusKind, number> {
    const counts: Record<StatusKind, number> = { transient: 0, suspended: 0, final: 0 };
    for (const { process } of this.#kept.values()) counts[STATUS_KIND[process.status]] += 1;
    return counts;
  }

  /**
   * Makes room for one more process holding `bytes`, forgetting final processes as needed.
   * Returns null when there is room, or what stands in the way.
   */
  makeRoom(bytes: number): StoreFull | null {
    const over = (): StoreFull['limit'] | null =>
      this.#kept.size + 1 > this.#limits.maxProcesses
        ? 'maxProcesses'
        : this.#storedBytes + bytes > this.#limits.maxStoredBytes
          ? 'maxStoredBytes'
          : null;

    for (let limit = over(); limit !== null; limit = over()) {
      const oldest = this.#ended.values().next();
      if (oldest.done === true) {
        const counts = this.countByKind();
        return { limit, transient: counts.transient, suspended: counts.suspended };
      }
      this.#forget(oldest.value);
    }
    return null;
  }

  add(process: ImportProcess, bytes: number): void {
    this.#kept.set(process.id, { process, bytes, historyDropped: 0 });
    this.#storedBytes += bytes;
    this.#noteKind(process);
  }

  /** Keeps the new state of a known process, its history cut to the limit. */
  update(process: ImportProcess): void {
    const kept = this.#kept.get(process.id);
    if (kept === undefined) return;

    let next = process;
    let dropped = kept.historyDropped;
    const excess = process.history.length - this.#limits.maxHistoryEntries;
    if (excess > 0) {
      next = { ...process, history: process.history.slice(excess) };
      dropped += excess;
    }
    // A process in ERROR holds neither its file nor entities any more.
    const bytes = process.status === 'ERROR' ? 0 : kept.bytes;
    this.#storedBytes += bytes - kept.bytes;
    this.#kept.set(process.id, { process: next, bytes, historyDropped: dropped });
    this.#noteKind(next);
  }

  clear(): void {
    this.#kept.clear();
    this.#ended.clear();
    this.#storedBytes = 0;
  }

  #noteKind(process: ImportProcess): void {
    if (STATUS_KIND[process.status] === 'final') this.#ended.add(process.id);
  }

  #forget(id: string): void {
    const kept = this.#kept.get(id);
    this.#ended.delete(id);
    if (kept === undefined) return;
    this.#kept.delete(id);
    this.#storedBytes -= kept.bytes;
  }
}
