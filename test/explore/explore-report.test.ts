import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/start-simulator.js';
import { junitProblems } from '../support/junit-schema.js';
import { runCliCaptured, type CliRun } from '../support/run-cli.js';
import { startMutantSimulator } from './support/mutant-simulator.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'ih-explore-report-'));
}

/** The text of each `<failure>` of a JUnit document, XML entities read back. */
function failureTexts(xml: string): string[] {
  return [...xml.matchAll(/<failure [^>]*>([^<]*)<\/failure>/g)].map((match) =>
    (match[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
  );
}

describe('import-harness explore --report', () => {
  it('writes JUnit with one passing test case per generated case, and a JSON summary', async () => {
    const dir = folder();

    const run = await runCliCaptured(
      'explore',
      '--runs',
      '4',
      '--seed',
      '3',
      '--max-steps',
      '2',
      '--report',
      `junit:${dir}/explore.xml`,
      '--report',
      `json:${dir}/json/explore.json`,
    );

    expect(run.exitCode).toBe(0);
    const xml = readFileSync(join(dir, 'explore.xml'), 'utf8');
    expect(xml).toContain('tests="4" failures="0" errors="0" skipped="0"');
    expect([...xml.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((match) => match[1])).toEqual([
      'case 1 (seed 3, path 0)',
      'case 2 (seed 3, path 1)',
      'case 3 (seed 3, path 2)',
      'case 4 (seed 3, path 3)',
    ]);
    expect(await junitProblems(xml)).toEqual([]);
    const json = JSON.parse(readFileSync(join(dir, 'json/explore.json'), 'utf8')) as object;
    expect(json).toMatchObject({
      command: 'explore',
      seed: 3,
      runs: 4,
      cases: 4,
      passed: 4,
      failed: 0,
      failures: [],
      target: { kind: 'simulator', url: null },
    });
  });

  it('exits 2 for a malformed --report, and runs and writes nothing', async () => {
    const dir = folder();

    const run = await runCliCaptured(
      'explore',
      '--out',
      dir,
      '--report',
      `junit:${dir}/explore.xml`,
      '--report',
      `yaml:${dir}/explore.yaml`,
    );

    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        `import-harness explore: --report must be json:FILE or junit:FILE; ` +
        `got "yaml:${dir}/explore.yaml". Example: --report junit:reports/explore.xml\n`,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 before running when a report could never be written there', async () => {
    const dir = folder();

    const run = await runCliCaptured('explore', '--runs', '1', '--report', `json:${dir}`);

    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `import-harness explore: --report json:${dir} cannot be written: ${dir} is a folder. ` +
        'Name a file in a folder you can write to.\n',
    );
  });

  describe('against a broken provider', () => {
    let mutant: RunningSimulator;
    let run: CliRun;
    const dir = folder();
    const out = join(dir, 'cases');
    const scenario = join(out, 'explore-1.yaml');

    beforeAll(async () => {
      mutant = await startMutantSimulator();
      run = await runCliCaptured(
        ...['explore', '--target', mutant.url, '--runs', '200', '--seed', '1', '--out', out],
        ...['--token', 'secret-token'],
        ...['--report', `junit:${dir}/explore.xml`, '--report', `json:${dir}/explore.json`],
      );
    }, 120_000);
    afterAll(() => mutant.close());

    it('exits 1 and still writes both reports', () => {
      expect(run.exitCode).toBe(1);
      expect(existsSync(join(dir, 'explore.xml'))).toBe(true);
      expect(existsSync(join(dir, 'explore.json'))).toBe(true);
    });

    it('fails exactly the last case run, as many test cases as cases run', async () => {
      const xml = readFileSync(join(dir, 'explore.xml'), 'utf8');
      const cases = Number(/after (\d+) cases/.exec(run.stdout)?.[1]);

      expect(xml.match(/<testcase /g)).toHaveLength(cases);
      expect(xml).toContain(`tests="${cases}" failures="1" errors="0" skipped="0"`);
      expect(xml).toContain(`name="case ${cases} (seed 1, path ${cases - 1})" file="${scenario}"`);
      expect(await junitProblems(xml)).toEqual([]);
    });

    it('gives the failure the broken rule, the diff, the scenario file and the replay command', () => {
      const [text = ''] = failureTexts(readFileSync(join(dir, 'explore.xml'), 'utf8'));

      expect(text).toMatch(/broken: disagreement with the oracle on .*T-13/);
      expect(text).toMatch(/request: GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/import\/status\//);
      expect(text).toMatch(/ {8}- expected \S+\n {8}\+ actual {3}\S+/);
      expect(text).toContain(`scenario: ${scenario}\n`);
      expect(text).toContain(`reproduce: import-harness replay ${scenario} --target ${mutant.url}`);
      // The same lines the terminal showed, without the summary line.
      expect(run.stdout).toContain(text);
    });

    it('lists the failure in the JSON summary with its details and reproduction', () => {
      const json = JSON.parse(readFileSync(join(dir, 'explore.json'), 'utf8')) as {
        cases: number;
        failures: Array<Record<string, unknown>>;
      };

      expect(json).toMatchObject({ seed: 1, runs: 200, failed: 1 });
      expect(json.failures).toHaveLength(1);
      expect(json.failures[0]).toMatchObject({
        case: json.cases,
        kind: 'disagreement',
        scenario,
        reproduced: true,
        replayCommand: `import-harness replay ${scenario} --target ${mutant.url}`,
      });
      expect(json.failures[0]?.['rules']).toContain('T-13');
      expect(json.failures[0]?.['mismatches']).not.toEqual([]);
    });

    it('names the token flag in the reports, never its value', () => {
      expect(readFileSync(join(dir, 'explore.xml'), 'utf8')).not.toContain('secret-token');
      expect(readFileSync(join(dir, 'explore.json'), 'utf8')).not.toContain('secret-token');
      expect(readFileSync(join(dir, 'explore.json'), 'utf8')).toContain('--token T');
    });
  });

  it('exits 2 naming the report that cannot be written once the run is over', async () => {
    const mutant = await startMutantSimulator();
    const dir = folder();
    // The shrunk case is written where the report's folder should be, during the run.
    const blocked = join(dir, 'explore-1.yaml', 'explore.xml');
    try {
      const run = await runCliCaptured(
        ...['explore', '--target', mutant.url, '--runs', '200', '--seed', '1', '--out', dir],
        ...['--report', `junit:${blocked}`, '--report', `json:${dir}/explore.json`],
      );

      expect(run.exitCode).toBe(2);
      expect(run.stdout).toMatch(/^✗ explore found a failure/);
      expect(run.stderr).toBe(
        `import-harness explore: Cannot write the junit report to ${blocked}: ` +
          `${dir}/explore-1.yaml is a file, not a folder. Check the path given to --report.\n`,
      );
      expect(existsSync(join(dir, 'explore.json'))).toBe(true);
    } finally {
      await mutant.close();
    }
  }, 120_000);
});
