import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatVerificationJunit } from '../../contracts/verifier/format-verification.js';
import { formatExploreJunit } from '../../explore/report/format-explore-junit.js';
import { startSimulator } from '../../simulator/start-simulator.js';
import { junitProblems as problems } from '../../test/support/junit-schema.js';
import {
  DASHBOARD_PACT,
  FAILED_EXPLORATION,
  PASSED_EXPLORATION,
  VERIFICATION,
} from '../../test/support/report-fixtures.js';
import { contractFixture } from '../../test/contract/support.js';
import { fixture, runCliCaptured } from '../../test/support/run-cli.js';
import type { ReplaySummary } from '../runner/replay.js';
import type { ScenarioResult } from '../runner/scenario-result.js';
import { formatJunitReport } from './format-junit.js';

function scenario(
  outcome: ScenarioResult['outcome'],
  extra: Partial<ScenarioResult> = {},
): ScenarioResult {
  return {
    id: outcome,
    file: `${outcome}.yaml`,
    name: `a scenario that is ${outcome}`,
    outcome,
    steps: [],
    transitions: [],
    durationMs: 12,
    ...extra,
  };
}

const summary: ReplaySummary = {
  target: { kind: 'simulator', url: 'http://127.0.0.1:1' },
  passed: 1,
  failed: 1,
  skipped: 1,
  exercised: [],
  neverExercised: [],
  durationMs: 1234,
  scenarios: [
    scenario('passed'),
    scenario('failed', {
      name: 'names <&> "quotes" and a control \u0007 character',
      steps: [
        {
          index: 0,
          kind: 'check',
          label: 'check p1 is DONE',
          outcome: 'failed',
          failure: {
            message: 'the answer differs from the expectation',
            mismatches: [{ path: 'statusCode', expected: 'DONE', actual: 'FAILED' }],
            request: null,
            response: null,
            rules: ['T-9'],
          },
        },
      ],
    }),
    scenario('skipped', { reason: 'needs simulator: it injects fault rules' }),
  ],
};

describe('the JUnit report', () => {
  it('is valid against scenarios/report/junit-report.xsd for passed, failed and skipped cases', async () => {
    expect(await problems(formatJunitReport(summary))).toEqual([]);
  });

  it('is valid as replay writes it for a real run', async () => {
    const provider = await startSimulator({ controlApi: false });
    const file = join(mkdtempSync(join(tmpdir(), 'ih-junit-')), 'replay.xml');
    try {
      const run = await runCliCaptured(
        'replay',
        fixture('passing.yaml'),
        fixture('failing.yaml'),
        fixture('needs-simulator.yaml'),
        '--target',
        provider.url,
        '--report',
        `junit:${file}`,
      );

      expect(run.exitCode).toBe(1);
      const xml = readFileSync(file, 'utf8');
      expect(xml).toContain('tests="3" failures="1" errors="0" skipped="1"');
      expect(await problems(xml)).toEqual([]);
    } finally {
      await provider.close();
    }
  });

  it('counts on the suite exactly the cases it holds', () => {
    const xml = formatJunitReport(summary);

    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml.match(/<skipped /g)).toHaveLength(1);
  });
});

describe('the JUnit report of explore', () => {
  it('is valid for a run in which every case passed', async () => {
    expect(await problems(formatExploreJunit(PASSED_EXPLORATION, [310, 42, 57]))).toEqual([]);
  });

  it('is valid for a run that found and shrank a failure', async () => {
    const xml = formatExploreJunit(FAILED_EXPLORATION, [310, 42, 57]);

    expect(xml).toContain('<failure ');
    expect(await problems(xml)).toEqual([]);
  });

  it('is valid without the time of each case', async () => {
    expect(await problems(formatExploreJunit(FAILED_EXPLORATION))).toEqual([]);
  });

  it('is valid as explore writes it for a real run', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ih-junit-')), 'explore.xml');

    const run = await runCliCaptured(
      'explore',
      '--runs',
      '3',
      '--seed',
      '5',
      '--max-steps',
      '2',
      '--report',
      `junit:${file}`,
    );

    expect(run.exitCode).toBe(0);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('tests="3" failures="0" errors="0" skipped="0"');
    expect(await problems(xml)).toEqual([]);
  });
});

describe('the JUnit report of verify', () => {
  it('is valid for passed, failed, not verifiable and pending interactions', async () => {
    const xml = formatVerificationJunit(VERIFICATION, DASHBOARD_PACT);

    expect(xml).toContain('<failure ');
    expect(xml).toContain('<skipped ');
    expect(await problems(xml)).toEqual([]);
  });

  it('is valid when no local pact file names the interactions', async () => {
    expect(await problems(formatVerificationJunit(VERIFICATION))).toEqual([]);
  });

  it('is valid as verify writes it for a real run with a failing interaction', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ih-junit-')), 'verify.xml');

    const run = await runCliCaptured(
      'verify',
      '--pact-url',
      contractFixture('wrong-expectation.pact.json'),
      '--report',
      `junit:${file}`,
    );

    expect(run.exitCode).toBe(1);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('tests="1" failures="1" errors="0" skipped="0"');
    expect(await problems(xml)).toEqual([]);
  });
});

describe('scenarios/report/junit-report.xsd', () => {
  it('refuses a test case without a name', async () => {
    const xml = formatJunitReport(summary).replace(/ name="passed: [^"]*"/, '');

    expect((await problems(xml)).join('\n')).toContain("The attribute 'name' is required");
  });

  it('refuses a count that is not a whole number', async () => {
    const xml = formatJunitReport(summary).replace('tests="3"', 'tests="three"');

    expect((await problems(xml)).join('\n')).toContain("'three' is not a valid value");
  });

  it('refuses an attribute that CI systems do not read', async () => {
    const xml = formatJunitReport(summary).replace('<testcase ', '<testcase flaky="yes" ');

    expect((await problems(xml)).join('\n')).toContain("The attribute 'flaky' is not allowed");
  });
});
