import { cpuSnapshot, cpuSpent, waitForQuiet } from './cpu-usage.js';
import { measureLoad } from './measure-load.js';
import type { CapturedRead } from './seed-processes.js';
import type { Target } from './start-targets.js';
import type { MeasuredRun } from './summarise-runs.js';

/** Other programs' CPU, in % of one core, below which the machine counts as quiet. */
const QUIET_PERCENT = 20;
/** A run disturbed by other programs is measured again, this many times in all at most. */
const ATTEMPTS = 3;

export interface RoundsPlan {
  readonly targets: readonly Target[];
  readonly captured: readonly CapturedRead[];
  readonly connections: number;
  readonly warmupSeconds: number;
  /** Seconds of each measured run. */
  readonly seconds: number;
  readonly rounds: number;
  readonly quietWaitSeconds: number;
}

/**
 * Warms every target up on every read, then measures each pair once per round, the targets'
 * order rotated from round to round. Returns the runs by `"<read> <target>"`, in round order.
 */
export async function runRounds(
  plan: RoundsPlan,
  say: (line: string) => void,
): Promise<Map<string, MeasuredRun[]>> {
  // Step 1: warm-up, so that no target pays for JIT compilation in its first round.
  if (plan.warmupSeconds > 0) {
    say(`Warming up each target for ${plan.warmupSeconds} s …`);
    for (const { target, read } of pairs(plan, 0))
      await load(plan, target, read, plan.warmupSeconds);
  }

  // Step 2: the rounds.
  const runs = new Map<string, MeasuredRun[]>();
  for (let round = 0; round < plan.rounds; round++) {
    for (const { target, read } of pairs(plan, round)) {
      const key = `${read.read} ${target.name}`;
      const label = `  round ${round + 1}/${plan.rounds}  ${key.padEnd(18)}`;
      const run = await measureQuietly(plan, target, read, (attempt) =>
        say(`${label} ${progress(attempt)}; disturbed, measuring again`),
      );
      runs.set(key, [...(runs.get(key) ?? []), run]);
      say(`${label} ${progress(run)}`);
    }
  }
  return runs;
}

/** Every read with every target; the targets' order rotated by `round`. */
function pairs(plan: RoundsPlan, round: number): Array<{ target: Target; read: CapturedRead }> {
  const count = plan.targets.length;
  const order = plan.targets.map((_, index) => plan.targets[(index + round) % count]);
  return plan.captured.flatMap((read) =>
    order.flatMap((target) => (target === undefined ? [] : [{ target, read }])),
  );
}

/**
 * One run, started once the machine is quiet, and measured again while other programs take
 * more than QUIET_PERCENT of a core during it; the least disturbed attempt is kept.
 */
async function measureQuietly(
  plan: RoundsPlan,
  target: Target,
  read: CapturedRead,
  onDisturbed: (run: MeasuredRun) => void,
): Promise<MeasuredRun> {
  const measureOnce = async (): Promise<MeasuredRun> => {
    const startedQuiet = await waitForQuiet(QUIET_PERCENT, plan.quietWaitSeconds * 1_000);
    return { ...(await load(plan, target, read, plan.seconds)), startedQuiet };
  };
  let kept = await measureOnce();
  let last = kept;
  for (let tries = 1; tries < ATTEMPTS && othersPercent(last) > QUIET_PERCENT; tries++) {
    onDisturbed(last);
    last = await measureOnce();
    if (othersPercent(last) < othersPercent(kept)) kept = last;
  }
  return kept;
}

/** Other programs' CPU during a run, in % of one core; 0 where /proc cannot tell. */
function othersPercent(run: MeasuredRun): number {
  return run.cpu.otherMs === null ? 0 : run.cpu.otherMs / (run.seconds * 10);
}

/** One measurement: one target, one read, a fixed time, and the CPU time it took. */
async function load(
  plan: RoundsPlan,
  target: Target,
  read: CapturedRead,
  seconds: number,
): Promise<Omit<MeasuredRun, 'startedQuiet'>> {
  const before = cpuSnapshot(target.server.pid);
  const run = await measureLoad({
    url: `${target.baseUrl}${read.path}`,
    headers: target.headers(read.read),
    connections: plan.connections,
    seconds,
  });
  return { ...run, cpu: cpuSpent(before, cpuSnapshot(target.server.pid)) };
}

/** One run in a line: rate, CPU, and anything that disturbed it or went wrong. */
function progress(run: MeasuredRun): string {
  const rate = `${Math.round(run.ok / run.seconds)} req/s`;
  const cpu =
    run.cpu.serverMs === null
      ? ''
      : `, server CPU ${Math.round((run.cpu.serverMs * 1_000) / run.ok)} µs/req`;
  const other = run.cpu.otherMs === null ? '' : `, other CPU ${Math.round(othersPercent(run))} %`;
  const busy = run.startedQuiet ? '' : ' (started while others were busy)';
  const failed = run.non2xx + run.errors > 0 ? `; ${run.non2xx} non-2xx, ${run.errors} errors` : '';
  return `${rate}${cpu}${other}${busy}${failed}`;
}
