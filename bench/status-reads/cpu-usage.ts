import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time in milliseconds, read from Linux's /proc: of the whole machine, of one process
 * group (a server and what it started), and of this process (the load generator). Elsewhere
 * every figure is null and the benchmark reports none.
 */
export interface CpuSnapshot {
  readonly machineBusyMs: number | null;
  readonly serverMs: number | null;
  readonly loaderMs: number;
}

/** What a run cost, and what other programs on the machine used meanwhile. */
export interface CpuSpent {
  readonly serverMs: number | null;
  readonly loaderMs: number;
  /** Busy time of the machine that was neither the server nor the load generator. */
  readonly otherMs: number | null;
}

/** Linux counts /proc times in clock ticks of 1/100 s on every common platform. */
const TICK_MS = 10;

export function cpuSnapshot(serverGroup: number): CpuSnapshot {
  return {
    machineBusyMs: machineBusyMs(),
    serverMs: groupMs(serverGroup),
    loaderMs: ownMs(),
  };
}

export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): CpuSpent {
  const serverMs = difference(before.serverMs, after.serverMs);
  const loaderMs = after.loaderMs - before.loaderMs;
  const busyMs = difference(before.machineBusyMs, after.machineBusyMs);
  return {
    serverMs,
    loaderMs,
    otherMs:
      busyMs === null || serverMs === null ? null : Math.max(busyMs - serverMs - loaderMs, 0),
  };
}

function difference(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}

/** user + nice + system + irq + softirq + steal of the `cpu` line of /proc/stat. */
function machineBusyMs(): number | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
    const ticks = [1, 2, 3, 6, 7, 8].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
    return ticks * TICK_MS;
  } catch {
    return null;
  }
}

/** utime + stime of every live process whose process group is `group`. */
function groupMs(group: number): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== group) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * TICK_MS;
}

/**
 * Waits until the machine has been nearly idle for one second (other programs using less
 * than `maxPercent` of one core), for at most `timeoutMs`; says whether it got quiet. On a
 * shared 2-core machine a run started during someone's compile measures the compile.
 */
export async function waitForQuiet(maxPercent: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = machineBusyMs();
    const ownBefore = ownMs();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = machineBusyMs();
    if (before === null || after === null) return true;
    // This process's own share (the wait itself) does not count against the others.
    const others = after - before - (ownMs() - ownBefore);
    if (others < maxPercent * 10) return true;
    if (Date.now() >= deadline) return false;
  }
}

function ownMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1_000;
}
