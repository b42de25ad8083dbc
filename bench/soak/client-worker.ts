/**
 * A worker thread of the soak: runs its share of the clients against the simulator, which
 * stays alone on the main thread, and posts what they saw when the deadline has passed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runClient } from './soak-client.js';
import { SoakStats } from './soak-stats.js';

export interface WorkerPlan {
  readonly url: string;
  readonly firstClient: number;
  readonly clients: number;
  readonly deadline: number;
  readonly pollMs: number;
  readonly seed: number;
  readonly personPool: number;
}

const plan = workerData as WorkerPlan;
const stats = new SoakStats();
await Promise.all(
  Array.from({ length: plan.clients }, (_, offset) => {
    const index = plan.firstClient + offset;
    return runClient({
      url: plan.url,
      tenant: `soak-${index}`,
      token: `soak-token-${index}`,
      stats,
      deadline: plan.deadline,
      pollMs: plan.pollMs,
      random: mulberry32(plan.seed * 1_000 + index),
      personPool: plan.personPool,
    });
  }),
);
parentPort?.postMessage(stats.snapshot());

/** A small seeded generator, so that a soak run can be repeated. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
