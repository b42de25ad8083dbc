import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulator/start-simulator.js';
import { fixture, runCliCaptured } from '../support/run-cli.js';

describe('import-harness replay', () => {
  it('exits 0 and ends with the count line when every scenario passes', async () => {
    const run = await runCliCaptured('replay', fixture('passing.yaml'));

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^✓ passing {2}A valid person is imported/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed, 0 skipped');
    expect(run.stderr).toBe('');
  });

  it('exits 1 and shows the request, the diff and the rules of a failing step', async () => {
    const run = await runCliCaptured('replay', fixture('failing.yaml'));

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('✗ failing  A deliberately wrong expectation fails');
    expect(run.stdout).toContain('step 2: check p1 is REJECTED');
    expect(run.stdout).toMatch(
      /request: GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/import\/status\/DIM-/,
    );
    expect(run.stdout).toContain('- expected REJECTED');
    expect(run.stdout).toContain('+ actual   ERROR');
    expect(run.stdout).toContain('rules: H-2, C-1, C-2, C-3, C-4, T-6');
    expect(run.stdout).toContain('0 passed, 1 failed, 0 skipped');
  });

  it('lists the transitions exercised and the ones never exercised', async () => {
    const run = await runCliCaptured('replay', fixture('failing.yaml'));

    expect(run.stdout).toContain('Transitions exercised (3 of 16): T-1, T-2, T-3');
    expect(run.stdout).toContain('Transitions never exercised: T-4, T-5, T-6, T-7, T-8,');
  });

  it('exits 2 naming the file, line and path of a bad scenario, running nothing', async () => {
    const run = await runCliCaptured('replay', fixture('passing.yaml'), fixture('malformed.yaml'));

    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Invalid scenario file ${fixture('malformed.yaml')}`);
    expect(run.stderr).toMatch(/malformed\.yaml:3:\d+ at steps\[0\]\.upload\.expect\.http: /);
  });

  it('reports a process name that no earlier upload defined', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ih-')), 'ghost.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'name: Ghost\nsteps:\n  - check: { process: ghost }\n');

    const run = await runCliCaptured('replay', file);

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'at steps[0].check.process: no earlier upload step names a process "ghost"',
    );
  });

  it('exits 2 with the YAML line of a syntax error', async () => {
    const run = await runCliCaptured('replay', fixture('bad-yaml.yaml'));

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/bad-yaml\.yaml:\d+:\d+: /);
  });

  it('exits 2 for a path that does not exist', async () => {
    const run = await runCliCaptured('replay', '/no/such/scenario.yaml');

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'import-harness replay: No scenario file or folder at /no/such/scenario.yaml. ' +
        'Check the path.\n',
    );
  });

  it('exits 2 for an unknown flag and a malformed --report', async () => {
    const flag = await runCliCaptured('replay', '--frobnicate');
    const report = await runCliCaptured('replay', fixture('passing.yaml'), '--report', 'xml:out');

    expect(flag.exitCode).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--frobnicate'");
    expect(report.exitCode).toBe(2);
    expect(report.stderr).toContain('--report must be json:FILE or junit:FILE; got "xml:out"');
  });

  it('writes JSON and JUnit reports', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ih-report-'));
    const json = join(folder, 'nested', 'replay.json');
    const junit = join(folder, 'replay.xml');

    const run = await runCliCaptured(
      'replay',
      fixture('passing.yaml'),
      fixture('failing.yaml'),
      '--report',
      `json:${json}`,
      '--report',
      `junit:${junit}`,
    );

    expect(run.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      scenarios: Array<{ id: string }>;
    };
    expect(report).toMatchObject({ command: 'replay', passed: 1, failed: 1, skipped: 0 });
    expect(report.scenarios.map((s) => s.id)).toEqual(['passing', 'failing']);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="import-harness replay" tests="2" failures="1"');
    expect(xml).toContain('<failure message="the answer differs from the expectation"');
  });

  it('skips scenarios that need a simulator against a provider, with the reason', async () => {
    const provider = await startSimulator({ controlApi: false });
    try {
      const run = await runCliCaptured(
        'replay',
        fixture('needs-simulator.yaml'),
        fixture('passing.yaml'),
        '--target',
        provider.url,
      );

      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(
        '- needs-simulator  A fault rule needs the simulator skipped: needs simulator: ' +
          'it injects fault rules',
      );
      expect(run.stdout).toContain(
        'step 3 skipped (needs simulator: listing the entities created in a tenant needs ' +
          'the control API)',
      );
      expect(run.stdout).toContain('1 passed, 0 failed, 1 skipped');
    } finally {
      await provider.close();
    }
  });

  it('explains an unreachable target in one line and exits 2', async () => {
    const closed = await startSimulator();
    await closed.close();

    const run = await runCliCaptured('replay', fixture('passing.yaml'), '--target', closed.url);

    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        String.raw`^import-harness replay: Could not reach http:\/\/127\.0\.0\.1:\d+ ` +
          String.raw`\(GET \/api\/v1\/import\/status\/DIM-0\): ECONNREFUSED\. ` +
          'Check that it is running at that address',
      ),
    );
  });
});
