import { describe, expect, it } from 'vitest';
import { escapeXml, formatJunitXml, type JunitSuite } from './junit-xml.js';

const suite: JunitSuite = {
  name: 'import-harness check',
  durationMs: 2500,
  properties: [['seed', '7']],
  cases: [
    { classname: 'c', name: 'passes', durationMs: 12, outcome: { kind: 'passed' } },
    {
      classname: 'c',
      name: 'fails',
      file: 'case.yaml',
      outcome: { kind: 'failed', message: 'differs', type: 'Mismatch', text: '- a\n+ b' },
    },
    { classname: 'c', name: 'skips', outcome: { kind: 'skipped', message: 'needs simulator' } },
    {
      classname: 'c',
      name: 'pending',
      outcome: { kind: 'skipped', message: 'pending', text: 'would have failed' },
    },
  ],
};

describe('formatJunitXml', () => {
  it('counts tests, failures and skipped cases from the cases themselves', () => {
    expect(formatJunitXml(suite)).toContain(
      '<testsuite name="import-harness check" tests="4" failures="1" errors="0" skipped="2" ' +
        'time="2.500">',
    );
  });

  it('writes the suite properties before the cases', () => {
    expect(formatJunitXml(suite)).toMatch(
      /<properties>\n {6}<property name="seed" value="7"\/>\n {4}<\/properties>\n {4}<testcase /,
    );
  });

  it('leaves out the time and file a case does not have', () => {
    const xml = formatJunitXml(suite);

    expect(xml).toContain('<testcase classname="c" name="passes" time="0.012"/>');
    expect(xml).toContain('<testcase classname="c" name="fails" file="case.yaml">');
  });

  it('escapes quotes in attributes but not in the text, where JSON stays readable', () => {
    const xml = formatJunitXml({
      name: 's',
      durationMs: 0,
      cases: [
        {
          classname: 'c',
          name: 'given {"status":"ERROR"}',
          outcome: { kind: 'failed', message: '"a" <b>', type: 'T', text: '{"a":"<b>"}' },
        },
      ],
    });

    expect(xml).toContain('name="given {&quot;status&quot;:&quot;ERROR&quot;}"');
    expect(xml).toContain('<failure message="&quot;a&quot; &lt;b&gt;" type="T">{"a":"&lt;b&gt;"}');
  });

  it('puts the failure text inside the failure and the skip text inside the skip', () => {
    const xml = formatJunitXml(suite);

    expect(xml).toContain('<failure message="differs" type="Mismatch">- a\n+ b</failure>');
    expect(xml).toContain('<skipped message="needs simulator"/>');
    expect(xml).toContain('<skipped message="pending">would have failed</skipped>');
  });

  it('writes a suite without cases or properties', () => {
    expect(formatJunitXml({ name: 'empty', durationMs: 0, cases: [] })).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="empty" tests="0" failures="0" errors="0" skipped="0" time="0.000">',
        '  <testsuite name="empty" tests="0" failures="0" errors="0" skipped="0" time="0.000">',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});

describe('escapeXml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeXml('a <b> & "c"')).toBe('a &lt;b&gt; &amp; &quot;c&quot;');
  });

  it('drops control characters XML 1.0 cannot hold, and keeps tabs and newlines', () => {
    expect(escapeXml('bell\u0007 escape\u001b\tand\nmore\u0000')).toBe('bell escape\tand\nmore');
  });
});
