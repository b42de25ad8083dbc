import autocannon from 'autocannon';

export interface LoadSpec {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly seconds: number;
}

/** One autocannon run: counts, and every 2xx latency in milliseconds, unrounded. */
export interface LoadRun {
  readonly seconds: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly latenciesMs: Float64Array;
}

/**
 * Sends GET requests to one URL over a fixed number of keep-alive connections for a fixed
 * time, one request in flight per connection. autocannon's own latency histogram counts
 * whole milliseconds, too coarse for sub-millisecond answers, so each response time is kept.
 */
export async function measureLoad(spec: LoadSpec): Promise<LoadRun> {
  const latencies = new GrowingArray();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = {
      url: spec.url,
      method: 'GET',
      headers: { ...spec.headers },
      connections: spec.connections,
      pipelining: 1,
      duration: spec.seconds,
    };
    const instance = autocannon(options, (error: unknown, done) =>
      error === null || error === undefined ? resolve(done) : reject(asError(error)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  return {
    seconds: result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latenciesMs: latencies.values(),
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(`autocannon failed: ${String(error)}`);
}

/** The value below which `fraction` of the sorted values lie (nearest rank). */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)] ?? Number.NaN;
}

/** Many numbers without a boxed array: a load run records hundreds of thousands. */
class GrowingArray {
  #buffer = new Float64Array(1 << 16);
  #length = 0;

  push(value: number): void {
    if (this.#length === this.#buffer.length) {
      const bigger = new Float64Array(this.#buffer.length * 2);
      bigger.set(this.#buffer);
      this.#buffer = bigger;
    }
    this.#buffer[this.#length++] = value;
  }

  values(): Float64Array {
    return this.#buffer.slice(0, this.#length);
  }
}
