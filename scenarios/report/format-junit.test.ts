import { describe, expect, it } from 'vitest';
import type { ReplaySummary } from '../runner/replay.js';
import { formatJunitReport } from './format-junit.js';

const summary: ReplaySummary = {
  target: { kind: 'simulator', url: 'http://127.0.0.1:1' },
  passed: 1,
  failed: 1,
  skipped: 1,
  exercised: [],
  neverExercised: [],
  durationMs: 1500,
  scenarios: [
    {
      id: 'a',
      file: 'a.yaml',
      name: 'passes',
      outcome: 'passed',
      steps: [],
      transitions: [],
      durationMs: 10,
    },
    {
      id: 'b',
      file: 'b.yaml',
      name: 'fails <&> "quoted"',
      outcome: 'failed',
      transitions: [],
      durationMs: 20,
      steps: [
        {
          index: 0,
          kind: 'check',
          label: 'check p1',
          outcome: 'failed',
          failure: {
            message: 'the answer differs',
            mismatches: [{ path: 'statusCode', expected: 'DONE', actual: 'FAILED' }],
            request: null,
            response: null,
            rules: ['T-9'],
          },
        },
      ],
    },
    {
      id: 'c',
      file: 'c.yaml',
      name: 'skipped',
      outcome: 'skipped',
      reason: 'needs simulator: x',
      steps: [],
      transitions: [],
      durationMs: 0,
    },
  ],
};

describe('formatJunitReport', () => {
  it('writes one test case per scenario with counts on the suite', () => {
    const xml = formatJunitReport(summary);

    expect(xml).toContain('tests="3" failures="1" errors="0" skipped="1" time="1.500"');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
  });

  it('escapes names and puts the diff and rules in the failure text', () => {
    const xml = formatJunitReport(summary);

    expect(xml).toContain('name="b: fails &lt;&amp;&gt; &quot;quoted&quot;"');
    expect(xml).toContain('<failure message="the answer differs" type="ScenarioFailure">');
    expect(xml).toContain('  - expected DONE\n  + actual   FAILED\nrules: T-9</failure>');
  });

  it('marks a skipped scenario with its reason', () => {
    expect(formatJunitReport(summary)).toContain('<skipped message="needs simulator: x"/>');
  });
});
