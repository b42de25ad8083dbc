/**
 * Latencies in logarithmic buckets (2 % wide), so a soak of any length keeps the same few
 * kilobytes and still reads p50 / p99 within 2 %. Histograms of several threads merge.
 */
const GROWTH = 1.02;
const SMALLEST_MS = 0.01;
const BUCKETS = Math.ceil(Math.log(1e6 / SMALLEST_MS) / Math.log(GROWTH));

export interface HistogramSnapshot {
  readonly counts: readonly number[];
  readonly maxMs: number;
}

export class LatencyHistogram {
  readonly #counts: number[] = new Array<number>(BUCKETS + 1).fill(0);
  #total = 0;
  #max = 0;

  get count(): number {
    return this.#total;
  }

  get maxMs(): number {
    return this.#max;
  }

  record(ms: number): void {
    const bucket = ms <= SMALLEST_MS ? 0 : Math.ceil(Math.log(ms / SMALLEST_MS) / Math.log(GROWTH));
    const index = Math.min(bucket, BUCKETS);
    this.#counts[index] = (this.#counts[index] ?? 0) + 1;
    this.#total += 1;
    this.#max = Math.max(this.#max, ms);
  }

  /** The latency below which `fraction` of the recorded ones lie (upper bucket bound). */
  quantile(fraction: number): number {
    const target = fraction * this.#total;
    let seen = 0;
    for (const [bucket, count] of this.#counts.entries()) {
      seen += count;
      if (seen >= target && count > 0) return SMALLEST_MS * GROWTH ** bucket;
    }
    return this.#max;
  }

  snapshot(): HistogramSnapshot {
    return { counts: [...this.#counts], maxMs: this.#max };
  }

  merge(other: HistogramSnapshot): void {
    for (const [bucket, count] of other.counts.entries()) {
      this.#counts[bucket] = (this.#counts[bucket] ?? 0) + count;
      this.#total += count;
    }
    this.#max = Math.max(this.#max, other.maxMs);
  }
}
