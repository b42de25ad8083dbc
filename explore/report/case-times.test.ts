import { describe, expect, it } from 'vitest';
import { caseTimes } from './case-times.js';

/** A clock that reads the given times in turn. */
function clock(...times: number[]): () => number {
  return () => times.shift() ?? Number.NaN;
}

describe('caseTimes', () => {
  it('times each case from the end of the one before', () => {
    const times = caseTimes(clock(1000, 1300, 1340, 1400));

    for (const done of [1, 2, 3]) times.record({ phase: 'exploring', done, total: 3 });

    expect(times.durationsMs()).toEqual([300, 40, 60]);
  });

  it('ends the failing case at the first shrinking event and counts no shrinking run', () => {
    const times = caseTimes(clock(0, 100, 250, 999));

    times.record({ phase: 'exploring', done: 1, total: 5 });
    times.record({ phase: 'shrinking', done: 0, total: 0 });
    times.record({ phase: 'shrinking', done: 1, total: 0 });
    times.record({ phase: 'shrinking', done: 2, total: 0 });

    expect(times.durationsMs()).toEqual([100, 150]);
  });
});
