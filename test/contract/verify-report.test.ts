import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { junitProblems } from '../support/junit-schema.js';
import { runCliCaptured, type CliRun } from '../support/run-cli.js';
import { contractFixture, descriptionsOf, OTHER_TEAM_PACT } from './support.js';

const WRONG_EXPECTATION = contractFixture('wrong-expectation.pact.json');
const FAILING = 'a status read that expects an ERROR process to be DONE';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'ih-verify-report-'));
}

/** The `<testcase …>` element of the case of this name, up to its end. */
function testcase(xml: string, name: string): string {
  const start = xml.lastIndexOf('<testcase ', xml.indexOf(` name="${name}`));
  const end = xml.indexOf('\n    <testcase ', start);
  return xml.slice(start, end === -1 ? xml.indexOf('\n  </testsuite>') : end);
}

describe('import-harness verify --report', () => {
  describe('when the provider breaks one interaction of two pacts', () => {
    const dir = folder();
    let run: CliRun;
    let xml: string;

    beforeAll(async () => {
      run = await runCliCaptured(
        ...['verify', '--pact-url', WRONG_EXPECTATION, '--pact-url', OTHER_TEAM_PACT],
        ...['--report', `junit:${dir}/verify.xml`, '--report', `json:${dir}/verify.json`],
      );
      xml = readFileSync(join(dir, 'verify.xml'), 'utf8');
    }, 120_000);

    it('exits 1 and still writes both reports', () => {
      expect(run.exitCode).toBe(1);
      expect(existsSync(join(dir, 'verify.json'))).toBe(true);
    });

    it('writes one test case per interaction, valid against the JUnit schema', async () => {
      const count = 1 + descriptionsOf(OTHER_TEAM_PACT).length;

      expect(xml.match(/<testcase /g)).toHaveLength(count);
      expect(xml).toContain(`tests="${count}" failures="1" errors="0" skipped="0"`);
      expect(await junitProblems(xml)).toEqual([]);
    });

    it('names each test case by its pact and its description with the provider states', () => {
      expect(testcase(xml, FAILING)).toMatch(
        new RegExp(
          '^<testcase classname="hopeful-consumer/tuum-data-import-api" ' +
            `name="${FAILING} \\(given an import process exists in status ` +
            '\\{&quot;status&quot;:&quot;ERROR&quot;\\}\\)" time="\\d+\\.\\d{3}">',
        ),
      );
      expect(
        xml.match(/<testcase classname="migration-dashboard\/tuum-data-import-api" /g),
      ).toHaveLength(descriptionsOf(OTHER_TEAM_PACT).length);
    });

    it('puts the mismatch diff the terminal shows in the failure', () => {
      expect(testcase(xml, FAILING)).toContain(
        '<failure message="the answer differs from the contract" type="ContractFailure">' +
          `✗ hopeful-consumer  ${FAILING} (`,
      );
      expect(testcase(xml, FAILING)).toContain(
        '    the answer differs from the contract\n' +
          "    $.data.statusCode: Expected 'ERROR' (String) to be equal to 'DONE' (String)\n" +
          '    given: an import process exists in status {"status":"ERROR"}' +
          '</failure>',
      );
      expect(run.stdout).toContain(
        "    $.data.statusCode: Expected 'ERROR' (String) to be equal to 'DONE' (String)",
      );
    });

    it('writes the outcome of each interaction as JSON', () => {
      const json = JSON.parse(readFileSync(join(dir, 'verify.json'), 'utf8')) as {
        interactions: Array<Record<string, unknown>>;
      };

      expect(json).toMatchObject({
        command: 'verify',
        provider: { kind: 'embedded simulator' },
        passed: descriptionsOf(OTHER_TEAM_PACT).length,
        failed: 1,
        notVerifiable: 0,
      });
      expect(json.interactions.find((item) => item['description'] === FAILING)).toMatchObject({
        consumer: 'hopeful-consumer',
        provider: 'tuum-data-import-api',
        states: [{ name: 'an import process exists in status', params: { status: 'ERROR' } }],
        outcome: 'failed',
        reason: 'the answer differs from the contract',
        mismatches: ["$.data.statusCode: Expected 'ERROR' (String) to be equal to 'DONE' (String)"],
      });
    });
  });

  it('exits 2 for a malformed --report, and verifies and writes nothing', async () => {
    const dir = folder();

    const run = await runCliCaptured(
      ...['verify', '--pact-url', WRONG_EXPECTATION],
      ...['--report', `json:${dir}/verify.json`, '--report', 'junit'],
    );

    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'import-harness verify: --report must be json:FILE or junit:FILE; got "junit". ' +
        'Example: --report junit:reports/verify.xml\n',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 before verifying when two reports name one file', async () => {
    const run = await runCliCaptured(
      ...['verify', '--report', 'json:reports/verify.out', '--report', 'junit:reports/verify.out'],
    );

    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--report names reports/verify.out twice');
  });
});
