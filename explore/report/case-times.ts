import type { ExploreProgress } from '../runner/explore.js';

/** Measures each generated case from the explorer's progress, which it reports after each. */
export interface CaseTimes {
  /** Pass every progress event of the run here. */
  readonly record: (progress: ExploreProgress) => void;
  /** Milliseconds of case 1, 2, …; shrinking is not counted in the failing case. */
  readonly durationsMs: () => readonly number[];
}

export function caseTimes(now: () => number = Date.now): CaseTimes {
  const durations: number[] = [];
  let last = now();
  let shrinking = false;
  return {
    record: (progress) => {
      // The first event of the shrinking phase comes right after the case that failed.
      const endsACase =
        progress.phase === 'exploring'
          ? progress.done === durations.length + 1
          : !shrinking && progress.done === 0;
      if (progress.phase === 'shrinking') shrinking = true;
      if (!endsACase) return;
      const time = now();
      durations.push(time - last);
      last = time;
    },
    durationsMs: () => durations,
  };
}
