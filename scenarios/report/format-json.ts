import type { ReplaySummary } from '../runner/replay.js';

/** The whole run as JSON, for tools. */
export function formatJsonReport(summary: ReplaySummary): string {
  return `${JSON.stringify({ tool: 'import-harness', command: 'replay', ...summary }, null, 2)}\n`;
}
