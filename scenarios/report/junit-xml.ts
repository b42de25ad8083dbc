/**
 * JUnit XML as CI systems read it (see junit-report.xsd beside this file), built from plain
 * test cases. Every command's JUnit report goes through here, so escaping, counts and layout
 * are the same whatever ran.
 */

/** One test case and what became of it. */
export interface JunitCase {
  readonly classname: string;
  readonly name: string;
  /** The file the case comes from or reproduces it, when there is one. */
  readonly file?: string;
  /** Omitted when it was not measured. */
  readonly durationMs?: number;
  readonly outcome: JunitOutcome;
}

export type JunitOutcome =
  | { readonly kind: 'passed' }
  | {
      readonly kind: 'failed';
      /** One line: what failed. */
      readonly message: string;
      readonly type: string;
      /** Everything needed to see it again: diff, request, answer, reproduction. */
      readonly text: string;
    }
  | { readonly kind: 'skipped'; readonly message: string; readonly text?: string };

export interface JunitSuite {
  /** Names both `<testsuites>` and its one `<testsuite>`. */
  readonly name: string;
  readonly durationMs: number;
  /** `<properties>` of the suite, e.g. the seed of a run; none when empty. */
  readonly properties?: ReadonlyArray<readonly [name: string, value: string]>;
  readonly cases: readonly JunitCase[];
}

/** The whole document; counts come from the cases, so they always match them. */
export function formatJunitXml(suite: JunitSuite): string {
  const failures = suite.cases.filter((item) => item.outcome.kind === 'failed').length;
  const skipped = suite.cases.filter((item) => item.outcome.kind === 'skipped').length;
  const counts =
    `tests="${suite.cases.length}" failures="${failures}" errors="0" ` +
    `skipped="${skipped}" time="${seconds(suite.durationMs)}"`;
  const properties = suite.properties ?? [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(suite.name)}" ${counts}>`,
    `  <testsuite name="${escapeXml(suite.name)}" ${counts}>`,
    ...(properties.length === 0
      ? []
      : [
          '    <properties>',
          ...properties.map(
            ([name, value]) =>
              `      <property name="${escapeXml(name)}" value="${escapeXml(value)}"/>`,
          ),
          '    </properties>',
        ]),
    ...suite.cases.map(formatCase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function formatCase(item: JunitCase): string {
  const attributes = [
    `classname="${escapeXml(item.classname)}"`,
    `name="${escapeXml(item.name)}"`,
    ...(item.file === undefined ? [] : [`file="${escapeXml(item.file)}"`]),
    ...(item.durationMs === undefined ? [] : [`time="${seconds(item.durationMs)}"`]),
  ].join(' ');
  const { outcome } = item;
  if (outcome.kind === 'passed') return `    <testcase ${attributes}/>`;

  const inner =
    outcome.kind === 'failed'
      ? `<failure message="${escapeXml(outcome.message)}" type="${escapeXml(outcome.type)}">` +
        `${escapeXmlText(outcome.text)}</failure>`
      : outcome.text === undefined
        ? `<skipped message="${escapeXml(outcome.message)}"/>`
        : `<skipped message="${escapeXml(outcome.message)}">` +
          `${escapeXmlText(outcome.text)}</skipped>`;
  return `    <testcase ${attributes}>\n      ${inner}\n    </testcase>`;
}

/** JUnit times are seconds; a negative or unmeasurable time is written as 0. */
function seconds(ms: number): string {
  return (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);
}

/** XML-escapes an attribute value; characters XML 1.0 cannot hold are dropped. */
export function escapeXml(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;');
}

/**
 * XML-escapes the text of an element, leaving quotes as they are so that JSON in a failure
 * reads as JSON; characters XML 1.0 cannot hold are dropped.
 */
export function escapeXmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these code points are not allowed in XML 1.0
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}
