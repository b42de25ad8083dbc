/**
 * The explorer's report for a reader: a summary line, and for a failure everything needed to
 * see it again — seed, the rule or invariant broken, the request and answer that disagreed,
 * the scenario file written and the replay command.
 */
import { formatFailure, NO_PAINT, type Paint } from '../../scenarios/report/format-human.js';
import type { StepFailure } from '../../scenarios/runner/scenario-result.js';
import type { ExploreProgress, ExploreResult } from '../runner/explore.js';
import type { CaseFailure, ExchangeRecord } from '../runner/run-case.js';

const BAR_WIDTH = 30;

/** One line of progress, for a terminal (drawn over itself with `\r`). */
export function formatProgress(progress: ExploreProgress): string {
  if (progress.phase === 'shrinking') return `shrinking the failing case… ${progress.done} runs`;
  const filled = Math.round((progress.done / Math.max(1, progress.total)) * BAR_WIDTH);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
  return `exploring [${bar}] ${progress.done}/${progress.total} cases`;
}

/** The closing line: cases, processes, seed and time. */
export function formatSummary(result: ExploreResult): string {
  const where = result.target.url === null ? 'embedded simulator' : result.target.url;
  const outcome = result.failure === null ? 'no failure' : '1 failure';
  return (
    `explore: ${result.runs} cases, ${result.processes} processes, ${outcome} ` +
    `(seed ${result.seed}, ${where}, ${(result.durationMs / 1000).toFixed(1)} s)`
  );
}

export function formatExploreFailure(result: ExploreResult, paint: Paint = NO_PAINT): string {
  const found = result.failure;
  if (found === null) return '';
  const { failure } = found;
  const lines = [
    `${paint.fail('✗')} explore found a failure after ${result.runs} cases ` +
      `(seed ${result.seed}; shrunk ${found.shrinks} times to ${found.generated.scenario.steps.length} steps)`,
    `    broken: ${describeBroken(failure)}`,
  ];
  if (failure.step !== null) lines.push(`    step ${failure.step.number}: ${failure.step.label}`);
  const asStep: StepFailure = {
    message: failure.message,
    mismatches: failure.mismatches,
    request: failure.exchange?.request ?? null,
    response: failure.exchange?.response ?? null,
    rules: failure.rules,
  };
  lines.push(...formatFailure(asStep, paint).map((line) => `      ${line}`));
  if (failure.earlier !== null) lines.push(...formatEarlier(failure.earlier));
  lines.push(
    `    scenario: ${found.file}${found.reproduced ? '' : ' (replaying it did not fail again: see above)'}`,
    `    reproduce: ${found.replayCommand}`,
    `    explore again: ${result.command}`,
  );
  return lines.join('\n');
}

/** What a failing case broke, in one line: the invariant, the rule or the set-up. */
export function describeBroken(failure: CaseFailure): string {
  const rules = failure.rules.join(', ');
  switch (failure.kind) {
    case 'invariant':
      return `invariant ${rules} broken`;
    case 'set-up':
      return 'the case could not be set up as the oracle expects';
    case 'disagreement':
      return `disagreement with the oracle on ${rules || 'the step'}`;
    case 'history':
      return (
        `the transitions the simulator recorded differ from the oracle's on ${rules} ` +
        '(control API; no scenario step states them)'
      );
  }
}

function formatEarlier(earlier: ExchangeRecord): string[] {
  return [
    `      earlier request: ${earlier.request.method} ${earlier.request.url}`,
    `      earlier response: ${earlier.response.status} ${shorten(JSON.stringify(earlier.response.body))}`,
  ];
}

function shorten(text: string): string {
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} characters)` : text;
}
