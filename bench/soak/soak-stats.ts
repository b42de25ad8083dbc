import { LatencyHistogram, type HistogramSnapshot } from './latency-histogram.js';

/** What a thread's clients saw, as it crosses to the main thread. */
export interface StatsSnapshot {
  readonly latency: HistogramSnapshot;
  readonly byStatus: ReadonlyArray<readonly [number, number]>;
  readonly networkErrors: number;
  readonly surprises: readonly string[];
}

/** What the clients of a soak saw: every answer's status and latency, and what went wrong. */
export class SoakStats {
  readonly latency = new LatencyHistogram();
  readonly byStatus = new Map<number, number>();
  /** Requests that got no answer at all (connection refused or reset). */
  networkErrors = 0;
  /** Answers that broke a promise of the API: a 5xx, or an error outside the envelope. */
  readonly surprises: string[] = [];

  record(status: number, ms: number): void {
    this.latency.record(ms);
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }

  surprise(what: string): void {
    // The first few are enough to debug; the count is what the report needs.
    if (this.surprises.length < 20) this.surprises.push(what);
  }

  get serverErrors(): number {
    let count = 0;
    for (const [status, seen] of this.byStatus) if (status >= 500) count += seen;
    return count;
  }

  snapshot(): StatsSnapshot {
    return {
      latency: this.latency.snapshot(),
      byStatus: [...this.byStatus],
      networkErrors: this.networkErrors,
      surprises: [...this.surprises],
    };
  }

  merge(other: StatsSnapshot): void {
    this.latency.merge(other.latency);
    for (const [status, count] of other.byStatus) {
      this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + count);
    }
    this.networkErrors += other.networkErrors;
    for (const surprise of other.surprises) this.surprise(surprise);
  }
}
