/**
 * `npm run soak -- [--seconds N] [--clients N] [--workers N] [--pace P] [--seed N]
 *                  [--person-pool N] [--limit NAME=N]… [--json FILE]`
 *
 * Drives mixed traffic (bench/soak/soak-client.ts) against an embedded simulator on
 * 127.0.0.1 for a given time and reports throughput, p50 / p99 latency, answers by status,
 * 5xx and broken promises, and memory at the start, through the run and at the end, next to
 * what the simulator holds. Not a test: it exits 1 only on a 5xx, an internal error or an
 * answer outside the envelope, so CI can run it as a smoke check.
 *
 * The simulator has the main thread to itself; the clients run in worker threads, so their
 * work neither delays its answers nor shows in its heap (`heapUsed` is the main thread's;
 * RSS is the whole process). Memory is read after a forced garbage collection when Node runs
 * with --expose-gc (the npm script does): the figures show what is retained.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { parseLimits } from '../simulator/config/parse-limits.js';
import { startSimulator } from '../simulator/start-simulator.js';
import type { WorkerPlan } from './soak/client-worker.js';
import { REFUSED_PERSON } from './soak/soak-client.js';
import { SoakStats, type StatsSnapshot } from './soak/soak-stats.js';

interface MemorySample {
  readonly atSeconds: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly processesKept: number;
  readonly suspended: number;
  readonly createdEntities: number;
  readonly batchClaims: number;
  readonly requestIds: number;
}

const MIB = 1024 * 1024;
const SAMPLE_EVERY_MS = 5_000;

async function main(): Promise<number> {
  // Step 1: options.
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      clients: { type: 'string', default: '32' },
      workers: { type: 'string', default: '1' },
      pace: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      'person-pool': { type: 'string', default: '200' },
      limit: { type: 'string', multiple: true },
      json: { type: 'string' },
    },
  });
  const limits = parseLimits(values.limit ?? []);
  const seconds = whole('--seconds', values.seconds);
  const clients = whole('--clients', values.clients);
  const workers = Math.min(whole('--workers', values.workers), clients);
  const pace = whole('--pace', values.pace);
  const seed = whole('--seed', values.seed);
  const personPool = whole('--person-pool', values['person-pool']);

  // Step 2: the simulator, with its default limits, and a fault rule for FAILED imports.
  const internalErrors: unknown[] = [];
  const simulator = await startSimulator({
    host: '127.0.0.1',
    pace,
    ...limits,
    onInternalError: (error) => internalErrors.push(error),
  });
  simulator.engine.addFault({ match: { key: REFUSED_PERSON }, refuse: 'every' });
  const stats = new SoakStats();
  const started = Date.now();
  const samples: MemorySample[] = [await sample(simulator.url, started)];
  write(
    `import-harness soak: ${seconds} s, ${clients} clients in ${workers} worker thread(s), ` +
      `pace ${pace} ms, seed ${seed}, limits ${JSON.stringify(limits)}, simulator at ` +
      `${simulator.url}\n`,
  );

  // Step 3: the clients, with memory sampled while they run.
  const sampler = setInterval(() => {
    void sample(simulator.url, started).then((memory) => {
      samples.push(memory);
      write(`  ${formatSample(memory)}\n`);
    });
  }, SAMPLE_EVERY_MS);
  const deadline = started + seconds * 1_000;
  const shares = Array.from({ length: workers }, (_, worker) => ({
    firstClient: Math.floor((worker * clients) / workers),
    clients:
      Math.floor(((worker + 1) * clients) / workers) - Math.floor((worker * clients) / workers),
  }));
  let snapshots: StatsSnapshot[];
  try {
    snapshots = await Promise.all(
      shares.map((share) =>
        runWorker({
          url: simulator.url,
          ...share,
          deadline,
          pollMs: Math.max(pace, 1),
          seed,
          personPool,
        }),
      ),
    );
  } finally {
    clearInterval(sampler);
  }
  for (const snapshot of snapshots) stats.merge(snapshot);
  const elapsed = (Date.now() - started) / 1_000;
  const end = await sample(simulator.url, started);
  samples.push(end);
  await simulator.close();

  // Step 4: the report.
  const report = {
    seconds: elapsed,
    clients,
    pace,
    seed,
    requests: stats.latency.count,
    throughputPerSecond: stats.latency.count / elapsed,
    latencyMs: {
      p50: stats.latency.quantile(0.5),
      p99: stats.latency.quantile(0.99),
      max: stats.latency.maxMs,
    },
    byStatus: Object.fromEntries([...stats.byStatus].sort(([a], [b]) => a - b)),
    serverErrors: stats.serverErrors,
    networkErrors: stats.networkErrors,
    internalErrors: internalErrors.length,
    surprises: stats.surprises,
    memory: { start: samples[0], end, samples },
  };
  write(formatReport(report));
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  const healthy =
    report.serverErrors === 0 && report.internalErrors === 0 && report.surprises.length === 0;
  return healthy ? 0 : 1;
}

/** Runs a share of the clients in a worker thread and hands back what they saw. */
function runWorker(plan: WorkerPlan): Promise<StatsSnapshot> {
  return new Promise((resolve, reject) => {
    // A worker does not inherit the TypeScript loader: it registers tsx, then loads the
    // clients, as bin/import-harness.js does for the CLI.
    const loader = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const clients = JSON.stringify(new URL('./soak/client-worker.ts', import.meta.url).href);
    const bootstrap = `import(${loader}).then(({ register }) => { register(); return import(${clients}); });`;
    const worker = new Worker(bootstrap, { eval: true, workerData: plan });
    worker.once('message', (snapshot: StatsSnapshot) => resolve(snapshot));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a client worker stopped with exit code ${code}`));
    });
  });
}

/** Memory after a collection (when allowed), and what the simulator holds. */
async function sample(url: string, started: number): Promise<MemorySample> {
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const response = await fetch(`${url}/__simulator/stats`);
  const { data } = (await response.json()) as {
    data: {
      processes: { total: number; suspended: number };
      createdEntities: number;
      batchClaims: number;
      requestIds: { remembered: number };
    };
  };
  return {
    atSeconds: Math.round((Date.now() - started) / 1_000),
    rssMiB: round(memory.rss / MIB),
    heapUsedMiB: round(memory.heapUsed / MIB),
    processesKept: data.processes.total,
    suspended: data.processes.suspended,
    createdEntities: data.createdEntities,
    batchClaims: data.batchClaims,
    requestIds: data.requestIds.remembered,
  };
}

function formatSample(memory: MemorySample): string {
  return (
    `${String(memory.atSeconds).padStart(4)} s  rss ${memory.rssMiB} MiB, heap ${memory.heapUsedMiB} MiB; ` +
    `processes ${memory.processesKept} (${memory.suspended} suspended), ` +
    `entities ${memory.createdEntities}, ` +
    `claims ${memory.batchClaims}, request ids ${memory.requestIds}`
  );
}

function formatReport(report: {
  seconds: number;
  requests: number;
  throughputPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  byStatus: Record<string, number>;
  serverErrors: number;
  networkErrors: number;
  internalErrors: number;
  surprises: readonly string[];
  memory: { start: MemorySample | undefined; end: MemorySample; samples: MemorySample[] };
}): string {
  const heaps = report.memory.samples.map((memory) => memory.heapUsedMiB);
  const half = heaps.slice(Math.floor(heaps.length / 2));
  return [
    '',
    `requests     ${report.requests} in ${round(report.seconds)} s: ${round(report.throughputPerSecond)} per second`,
    `latency      p50 ${round(report.latencyMs.p50)} ms, p99 ${round(report.latencyMs.p99)} ms, max ${round(report.latencyMs.max)} ms`,
    `answers      ${Object.entries(report.byStatus)
      .map(([status, count]) => `${status} ×${count}`)
      .join(', ')}`,
    `5xx          ${report.serverErrors}; internal errors ${report.internalErrors}; no answer ${report.networkErrors}`,
    `memory start ${report.memory.start === undefined ? '?' : formatSample(report.memory.start)}`,
    `memory end   ${formatSample(report.memory.end)}`,
    `heap         min ${Math.min(...heaps)} MiB, max ${Math.max(...heaps)} MiB; second half ${Math.min(...half)}–${Math.max(...half)} MiB`,
    ...(report.surprises.length === 0
      ? ['broken promises: none']
      : ['broken promises:', ...report.surprises.map((surprise) => `  ${surprise}`)]),
    '',
  ].join('\n');
}

function whole(flag: string, value: string): number {
  if (/^\d+$/.test(value) && Number(value) > 0) return Number(value);
  throw new Error(`${flag} must be a positive whole number; got ${JSON.stringify(value)}.`);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function write(text: string): void {
  process.stdout.write(text);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `import-harness soak: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
