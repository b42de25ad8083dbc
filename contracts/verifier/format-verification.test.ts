import { describe, expect, it } from 'vitest';
import { DASHBOARD_PACT, VERIFICATION } from '../../test/support/report-fixtures.js';
import {
  formatVerificationJson,
  formatVerificationJunit,
  parseDuration,
} from './format-verification.js';

function testcase(xml: string, name: string): string | undefined {
  const start = xml.indexOf(`name="${name}`);
  if (start === -1) return undefined;
  const open = xml.lastIndexOf('<testcase ', start);
  const close = xml.indexOf('\n    <testcase ', start);
  return xml.slice(open, close === -1 ? xml.indexOf('\n  </testsuite>') : close);
}

describe('formatVerificationJunit', () => {
  const xml = formatVerificationJunit(VERIFICATION, DASHBOARD_PACT);

  it('writes one test case per interaction, counting failures and skipped ones', () => {
    expect(xml.match(/<testcase /g)).toHaveLength(5);
    expect(xml).toContain('tests="5" failures="1" errors="0" skipped="2" time="4.120"');
  });

  it('names the pact as the class and the description with its provider states', () => {
    expect(testcase(xml, 'a status read of a REJECTED process')).toBe(
      '<testcase classname="dashboard/tuum-data-import-api" name="a status read of a REJECTED ' +
        'process (given an import process exists in status {&quot;status&quot;:&quot;REJECTED' +
        '&quot;})" time="0.038"/>',
    );
  });

  it('puts the reason and the mismatch diff the human report prints in the failure', () => {
    expect(testcase(xml, 'a status read that expects an ERROR process to be DONE')).toBe(
      [
        '<testcase classname="dashboard/tuum-data-import-api" name="a status read that expects ' +
          'an ERROR process to be DONE (given an import process exists in status ' +
          '{&quot;status&quot;:&quot;ERROR&quot;} and a tenant holds a person)" time="1.204">',
        '      <failure message="the answer differs from the contract" type="ContractFailure">' +
          '✗ dashboard  a status read that expects an ERROR process to be DONE (1s 204ms)',
        '    the answer differs from the contract',
        "    $.data.statusCode: Expected 'ERROR' (String) to be equal to 'DONE' (String)",
        '    given: an import process exists in status {"status":"ERROR"}',
        '    given: a tenant holds a person</failure>',
        '    </testcase>',
      ].join('\n'),
    );
  });

  it('skips an interaction that needs a simulator, with the reason', () => {
    expect(testcase(xml, 'a retry of a process in FAILED')).toContain(
      '<skipped message="not verifiable on this provider: needs simulator: FAILED needs a ' +
        'fault rule"/>',
    );
  });

  it('skips a failure of a pending pact, keeping the diff, since it does not fail the run', () => {
    expect(testcase(xml, 'a login &lt;as &quot;admin&quot;&gt;')).toContain(
      '<skipped message="failed, but the pact is pending: this does not fail the run">' +
        '✗ dashboard  a login &lt;as "admin"&gt; (38ms) (pending: does not fail the run)\n' +
        '    the answer differs from the contract\n' +
        '    StatusMismatch: expected 200 but was 401\n' +
        '    given: a user exists</skipped>',
    );
  });

  it('names an interaction no local pact file holds by the provider alone, whatever its outcome', () => {
    expect(testcase(xml, 'a read from the broker')).toBe(
      '<testcase classname="tuum-data-import-api" name="a read from the broker" time="0.038"/>',
    );
  });

  it('fails a failure outside any interaction, such as a pact that did not load, on its own', () => {
    const outside = formatVerificationJunit({
      ...VERIFICATION,
      interactions: [
        {
          consumer: null,
          description: 'Failed to load pact: HTTP 404',
          outcome: 'failed',
          pending: false,
          duration: null,
          reason: null,
          mismatches: [],
        },
      ],
    });

    expect(outside).toContain(
      '<testcase classname="import-harness.verify" name="Failed to load pact: HTTP 404">\n' +
        '      <failure message="Failed to load pact: HTTP 404" type="ContractFailure">',
    );
  });

  it('names the provider as a suite property', () => {
    expect(xml).toContain('<property name="provider" value="http://127.0.0.1:4010"/>');
    expect(xml).toContain('<property name="provider kind" value="embedded simulator"/>');
  });
});

describe('formatVerificationJson', () => {
  it('gives the counts and each interaction with its pact, states and outcome', () => {
    const report = JSON.parse(formatVerificationJson(VERIFICATION, DASHBOARD_PACT)) as {
      interactions: unknown[];
    };

    expect(report).toMatchObject({
      tool: 'import-harness',
      command: 'verify',
      provider: { url: 'http://127.0.0.1:4010', kind: 'embedded simulator' },
      passed: 2,
      failed: 1,
      notVerifiable: 1,
      durationMs: 4120,
    });
    expect(report.interactions).toHaveLength(5);
    expect(report.interactions[1]).toEqual({
      consumer: 'dashboard',
      provider: 'tuum-data-import-api',
      description: 'a status read that expects an ERROR process to be DONE',
      states: [
        { name: 'an import process exists in status', params: { status: 'ERROR' } },
        { name: 'a tenant holds a person', params: {} },
      ],
      outcome: 'failed',
      pending: false,
      duration: '1s 204ms',
      durationMs: 1204,
      reason: 'the answer differs from the contract',
      mismatches: ["$.data.statusCode: Expected 'ERROR' (String) to be equal to 'DONE' (String)"],
    });
    expect(report.interactions[4]).toMatchObject({
      consumer: null,
      provider: null,
      states: null,
      outcome: 'passed',
    });
  });
});

describe('parseDuration', () => {
  it('reads the durations Pact reports', () => {
    expect(parseDuration('38ms')).toBe(38);
    expect(parseDuration('1s 204ms')).toBe(1204);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('2m 3s')).toBe(123_000);
    expect(parseDuration('250µs')).toBe(0.25);
  });

  it('leaves unmeasured what it cannot read', () => {
    expect(parseDuration(null)).toBeUndefined();
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('38ms and more')).toBeUndefined();
  });
});
