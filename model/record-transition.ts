import type { ImportProcess } from './import-process.js';
import type { ProcessStatus, TransitionId } from './statuses.js';

/** Moves a process to `to`, appending the transition to its history. */
export function recordTransition(
  process: ImportProcess,
  transition: TransitionId,
  to: ProcessStatus,
  now: number,
  changes: Partial<Omit<ImportProcess, 'status' | 'history'>> = {},
): ImportProcess {
  const entry = { transition, from: process.status, to, at: new Date(now).toISOString() };
  return { ...process, ...changes, status: to, history: [...process.history, entry] };
}
