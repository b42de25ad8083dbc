import type { ExploreResult } from '../runner/explore.js';
import { describeBroken } from './format-explore.js';

/**
 * An exploration as JSON, for tools: the seed and the counts, and for the failure what
 * broke, the exchange that showed it, the shrunk scenario file and the commands that
 * reproduce it.
 */
export function formatExploreJson(result: ExploreResult, requestedRuns: number): string {
  const found = result.failure;
  const failures =
    found === null
      ? []
      : [
          {
            case: result.runs,
            kind: found.failure.kind,
            broken: describeBroken(found.failure),
            rules: found.failure.rules,
            message: found.failure.message,
            step: found.failure.step,
            mismatches: found.failure.mismatches,
            request: found.failure.exchange?.request ?? null,
            response: found.failure.exchange?.response ?? null,
            earlier: found.failure.earlier,
            scenario: found.file,
            steps: found.generated.scenario.steps.length,
            shrinks: found.shrinks,
            reproduced: found.reproduced,
            replayCommand: found.replayCommand,
          },
        ];
  const report = {
    tool: 'import-harness',
    command: 'explore',
    seed: result.seed,
    runs: requestedRuns,
    cases: result.runs,
    processes: result.processes,
    target: result.target,
    exploreCommand: result.command,
    passed: result.runs - failures.length,
    failed: failures.length,
    failures,
    durationMs: result.durationMs,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
