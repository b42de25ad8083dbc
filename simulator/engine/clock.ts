/** Time as the simulator sees it: injected so tests and the model never read the wall clock. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `task` after `ms` milliseconds; returns a function that cancels it. */
  schedule(ms: number, task: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  schedule: (ms, task) => {
    const timer = setTimeout(task, ms);
    // A pending transition must not keep a finished program alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
