import type { ReplaySummary } from '../runner/replay.js';
import type { ScenarioResult } from '../runner/scenario-result.js';
import { formatFailure } from './format-human.js';
import { formatJunitXml, type JunitCase } from './junit-xml.js';

/**
 * JUnit XML as CI systems read it: one test case per scenario, the failing step's request,
 * diff and rules as the failure text, skipped scenarios with their reason.
 */
export function formatJunitReport(
  summary: ReplaySummary,
  suiteName = 'import-harness replay',
): string {
  const classname = `import-harness.${suiteName.split(' ').at(-1) ?? 'replay'}`;
  return formatJunitXml({
    name: suiteName,
    durationMs: summary.durationMs,
    cases: summary.scenarios.map((result) => scenarioCase(result, classname)),
  });
}

function scenarioCase(result: ScenarioResult, classname: string): JunitCase {
  const base = {
    classname,
    name: `${result.id}: ${result.name}`,
    file: result.file,
    durationMs: result.durationMs,
  };
  if (result.outcome === 'passed') return { ...base, outcome: { kind: 'passed' } };
  if (result.outcome === 'skipped') {
    return { ...base, outcome: { kind: 'skipped', message: result.reason ?? '' } };
  }

  const failed = result.steps.find((step) => step.outcome === 'failed');
  const text = [
    ...(result.reason === undefined ? [] : [result.reason]),
    ...(failed === undefined ? [] : [`step ${failed.index + 1}: ${failed.label}`]),
    ...(failed?.failure === undefined ? [] : formatFailure(failed.failure)),
  ].join('\n');
  return {
    ...base,
    outcome: {
      kind: 'failed',
      message: failed?.failure?.message ?? result.reason ?? 'failed',
      type: 'ScenarioFailure',
      text,
    },
  };
}
