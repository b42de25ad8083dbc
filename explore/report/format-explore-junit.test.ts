import { describe, expect, it } from 'vitest';
import { FAILED_EXPLORATION, PASSED_EXPLORATION } from '../../test/support/report-fixtures.js';
import { caseName, formatExploreJunit } from './format-explore-junit.js';

function testcases(xml: string): string[] {
  return xml.match(/<testcase [^>]*>/g) ?? [];
}

describe('formatExploreJunit', () => {
  it('writes one test case per generated case, named by number, seed and fast-check path', () => {
    const xml = formatExploreJunit(PASSED_EXPLORATION, [310, 42, 57]);

    expect(testcases(xml)).toEqual([
      '<testcase classname="import-harness.explore" name="case 1 (seed 7, path 0)" time="0.310"/>',
      '<testcase classname="import-harness.explore" name="case 2 (seed 7, path 1)" time="0.042"/>',
      '<testcase classname="import-harness.explore" name="case 3 (seed 7, path 2)" time="0.057"/>',
    ]);
    expect(xml).toContain('tests="3" failures="0" errors="0" skipped="0" time="1.250"');
  });

  it('names the seed, the target and the command that explores again as suite properties', () => {
    const xml = formatExploreJunit(FAILED_EXPLORATION);

    expect(xml).toContain('<property name="seed" value="7"/>');
    expect(xml).toContain('<property name="target" value="embedded simulator"/>');
    expect(xml).toContain(
      '<property name="explore again" ' +
        'value="import-harness explore --runs 50 --out reports/explore --seed 7"/>',
    );
  });

  it('fails the last case run, naming the shrunk scenario file as its file', () => {
    const xml = formatExploreJunit(FAILED_EXPLORATION);

    expect(xml).toContain('tests="3" failures="1"');
    expect(xml).toContain(
      '<testcase classname="import-harness.explore" name="case 3 (seed 7, path 2)" ' +
        'file="reports/explore/explore-7.yaml">',
    );
    expect(xml.match(/<failure /g)).toHaveLength(1);
  });

  it('gives the failure what broke as its message and the whole human report as its text', () => {
    const failure = /<failure message="([^"]*)" type="ExploreFailure">([^<]*)<\/failure>/.exec(
      formatExploreJunit(FAILED_EXPLORATION),
    );

    expect(failure?.[1]).toBe('disagreement with the oracle on T-13');
    expect(failure?.[2]).toBe(
      [
        '✗ explore found a failure after 3 cases (seed 7; shrunk 12 times to 2 steps)',
        '    broken: disagreement with the oracle on T-13',
        '    step 2: check p1 is PARTIALLY_DONE &amp; &lt;kept&gt;',
        '      the answer differs from the expectation',
        '      request: GET http://127.0.0.1:4010/api/v1/import/status/DIM-1',
        '      data.statusCode:',
        '        - expected PARTIALLY_DONE',
        '        + actual   DISCARDED',
        '      response: 200 {"errors":null,"data":{"statusCode":"DISCARDED"}}',
        '      rules: T-13',
        '    scenario: reports/explore/explore-7.yaml',
        '    reproduce: import-harness replay reports/explore/explore-7.yaml',
        '    explore again: import-harness explore --runs 50 --out reports/explore --seed 7',
      ].join('\n'),
    );
  });

  it('leaves out the time of cases that were not timed', () => {
    expect(testcases(formatExploreJunit(PASSED_EXPLORATION, [5]))[1]).toBe(
      '<testcase classname="import-harness.explore" name="case 2 (seed 7, path 1)"/>',
    );
  });
});

describe('caseName', () => {
  it('gives fast-check path N-1 to case N, as fast-check counts runs from 0', () => {
    expect(caseName(17, -3)).toBe('case 17 (seed -3, path 16)');
  });
});
