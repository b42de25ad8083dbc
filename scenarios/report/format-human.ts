import type { ReplaySummary } from '../runner/replay.js';
import type { Mismatch, ScenarioResult, StepFailure } from '../runner/scenario-result.js';

/** Styling of the human report; the CLI passes colours only on a terminal. */
export interface Paint {
  readonly pass: (text: string) => string;
  readonly fail: (text: string) => string;
  readonly dim: (text: string) => string;
}

export const NO_PAINT: Paint = { pass: (t) => t, fail: (t) => t, dim: (t) => t };

/** One line per scenario; a failing one adds the step, request, diff and rules. */
export function formatScenarioResult(result: ScenarioResult, paint: Paint = NO_PAINT): string {
  const time = paint.dim(`(${result.durationMs} ms)`);
  // A step left out for want of a simulator is said, even when everything else passed.
  const skippedSteps = result.steps
    .filter((step) => step.outcome === 'skipped' && step.reason?.startsWith('needs simulator'))
    .map((step) => paint.dim(`    step ${step.index + 1} skipped (${step.reason ?? ''})`));
  if (result.outcome === 'passed') {
    return [`${paint.pass('✓')} ${result.id}  ${result.name} ${time}`, ...skippedSteps].join('\n');
  }
  if (result.outcome === 'skipped') {
    return `${paint.dim('-')} ${result.id}  ${result.name} ${paint.dim(`skipped: ${result.reason ?? ''}`)}`;
  }

  const lines = [
    `${paint.fail('✗')} ${result.id}  ${result.name} ${time}`,
    `    file: ${result.file}`,
  ];
  if (result.reason !== undefined) lines.push(`    ${result.reason}`);
  lines.push(...skippedSteps);
  for (const step of result.steps) {
    if (step.outcome !== 'failed' || step.failure === undefined) continue;
    lines.push(`    step ${step.index + 1}: ${step.label}`);
    lines.push(...formatFailure(step.failure, paint).map((line) => `      ${line}`));
  }
  return lines.join('\n');
}

export function formatFailure(failure: StepFailure, paint: Paint = NO_PAINT): string[] {
  const lines = [failure.message];
  if (failure.request !== null) {
    lines.push(`request: ${failure.request.method} ${failure.request.url}`);
    const headers = Object.entries(failure.request.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join(', ');
    if (headers !== '') lines.push(`  headers: ${headers}`);
    if (failure.request.body !== null) lines.push(`  body: ${truncate(failure.request.body, 300)}`);
  }
  for (const mismatch of failure.mismatches) lines.push(...formatMismatch(mismatch, paint));
  if (failure.response !== null) {
    lines.push(
      `response: ${failure.response.status} ${truncate(JSON.stringify(failure.response.body), 400)}`,
    );
  }
  if (failure.rules.length > 0) lines.push(`rules: ${failure.rules.join(', ')}`);
  return lines;
}

function formatMismatch(mismatch: Mismatch, paint: Paint): string[] {
  return [
    `${mismatch.path}:`,
    paint.pass(`  - expected ${show(mismatch.expected)}`),
    paint.fail(`  + actual   ${show(mismatch.actual)}`),
  ];
}

/** The closing lines: transitions exercised and the `N passed, N failed` count. */
export function formatSummary(summary: ReplaySummary): string {
  const never = summary.neverExercised.length === 0 ? 'none' : summary.neverExercised.join(', ');
  return [
    '',
    `Transitions exercised (${summary.exercised.length} of 16): ${summary.exercised.join(', ') || 'none'}`,
    `Transitions never exercised: ${never}`,
    `Target: ${summary.target.kind === 'simulator' ? 'embedded simulator' : summary.target.url} · ${summary.durationMs} ms`,
    `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
  ].join('\n');
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : truncate(JSON.stringify(value) ?? 'undefined', 400);
}

function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters)` : text;
}
