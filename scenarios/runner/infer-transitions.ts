/**
 * The transitions of the reference as a graph, used to tell which transitions a provider
 * went through when only some of its statuses were seen (a provider without the control
 * API shows no history). Where two paths explain the same observations, the shorter one is
 * taken.
 */
const EDGES: ReadonlyArray<readonly [from: string, to: string, transition: string]> = [
  ['INSERTED', 'PARSING', 'T-2'],
  ['PARSING', 'ERROR', 'T-3'],
  ['PARSING', 'PARSED', 'T-4'],
  ['PARSED', 'VALIDATING', 'T-5'],
  ['VALIDATING', 'REJECTED', 'T-6'],
  ['VALIDATING', 'APPROVED', 'T-7'],
  ['APPROVED', 'SENDING', 'T-8'],
  ['PARTIALLY_APPROVED', 'SENDING', 'T-8'],
  ['SENDING', 'DONE', 'T-9'],
  ['SENDING', 'PARTIALLY_DONE', 'T-10'],
  ['SENDING', 'FAILED', 'T-11'],
  ['REJECTED', 'DISCARDED', 'T-12'],
  ['REJECTED', 'PARTIALLY_APPROVED', 'T-13'],
  ['FAILED', 'DISCARDED', 'T-14'],
  ['FAILED', 'PARTIALLY_DONE', 'T-15'],
  ['FAILED', 'SENDING', 'T-16'],
];

/** Transition ids along the statuses seen of one process, first one being its upload answer. */
export function inferTransitions(statuses: readonly string[]): string[] {
  if (statuses.length === 0) return [];
  const found = new Set<string>(statuses[0] === 'INSERTED' ? ['T-1'] : []);
  for (let index = 1; index < statuses.length; index++) {
    const from = statuses[index - 1];
    const to = statuses[index];
    if (from === undefined || to === undefined) continue;
    for (const transition of shortestPath(from, to)) found.add(transition);
  }
  return [...found];
}

function shortestPath(from: string, to: string): string[] {
  const queue: Array<{ status: string; path: string[] }> = [{ status: from, path: [] }];
  const seen = new Set([from]);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (next.status === to) return next.path;
    for (const [edgeFrom, edgeTo, transition] of EDGES) {
      if (edgeFrom !== next.status || seen.has(edgeTo)) continue;
      seen.add(edgeTo);
      queue.push({ status: edgeTo, path: [...next.path, transition] });
    }
  }
  return [];
}

export const ALL_TRANSITIONS: readonly string[] = Array.from(
  { length: 16 },
  (_, i) => `T-${i + 1}`,
);
