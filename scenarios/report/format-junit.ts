import type { ReplaySummary } from '../runner/replay.js';
import { formatFailure } from './format-human.js';

/**
 * JUnit XML as CI systems read it: one test case per scenario, the failing step's request,
 * diff and rules as the failure text, skipped scenarios with their reason.
 */
export function formatJunitReport(
  summary: ReplaySummary,
  suiteName = 'import-harness replay',
): string {
  const cases = summary.scenarios.map((result) => {
    const attributes = [
      `classname="${escape(`import-harness.${suiteName.split(' ').at(-1) ?? 'replay'}`)}"`,
      `name="${escape(`${result.id}: ${result.name}`)}"`,
      `file="${escape(result.file)}"`,
      `time="${seconds(result.durationMs)}"`,
    ].join(' ');
    if (result.outcome === 'passed') return `    <testcase ${attributes}/>`;
    if (result.outcome === 'skipped') {
      return `    <testcase ${attributes}>\n      <skipped message="${escape(result.reason ?? '')}"/>\n    </testcase>`;
    }
    const failed = result.steps.find((step) => step.outcome === 'failed');
    const message = failed?.failure?.message ?? result.reason ?? 'failed';
    const text = [
      ...(result.reason === undefined ? [] : [result.reason]),
      ...(failed === undefined ? [] : [`step ${failed.index + 1}: ${failed.label}`]),
      ...(failed?.failure === undefined ? [] : formatFailure(failed.failure)),
    ].join('\n');
    return (
      `    <testcase ${attributes}>\n` +
      `      <failure message="${escape(message)}" type="ScenarioFailure">${escape(text)}</failure>\n` +
      '    </testcase>'
    );
  });
  const counts =
    `tests="${summary.scenarios.length}" failures="${summary.failed}" errors="0" ` +
    `skipped="${summary.skipped}" time="${seconds(summary.durationMs)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escape(suiteName)}" ${counts}>`,
    `  <testsuite name="${escape(suiteName)}" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** XML-escapes text; characters XML 1.0 cannot hold are dropped. */
function escape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these code points are not allowed in XML 1.0
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
