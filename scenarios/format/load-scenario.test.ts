import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../errors/file-error.js';
import { ScenarioError } from '../../errors/scenario-error.js';
import { loadScenario } from './load-scenario.js';

function scenarioFile(text: string, extra: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'ih-scenario-'));
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(folder, name), content);
  const file = join(folder, 'case.yaml');
  writeFileSync(file, text);
  return file;
}

function issuesOf(file: string): ScenarioError['issues'] {
  try {
    loadScenario(file);
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('loadScenario', () => {
  it('reads a valid scenario with its id and folder', () => {
    const file = scenarioFile(
      'name: ok\nsteps:\n  - upload: { process: p1, file: f.json }\n  - wait: { process: p1, for: DONE }\n',
      { 'f.json': '[]' },
    );

    const loaded = loadScenario(file);

    expect(loaded.id).toBe('case');
    expect(loaded.scenario.steps).toHaveLength(2);
  });

  it('reports a YAML syntax error with its line', () => {
    const issues = issuesOf(scenarioFile('name: x\nsteps:\n  - upload: [\n'));

    expect(issues[0]).toMatchObject({ code: 'invalid_yaml', line: expect.any(Number) as number });
  });

  it('refuses duplicate keys', () => {
    const issues = issuesOf(scenarioFile('name: a\nname: b\nsteps: []\n'));

    expect(issues[0]?.code).toBe('invalid_yaml');
  });

  it('reports every schema problem with its path and line', () => {
    const issues = issuesOf(
      scenarioFile('name: x\nsteps:\n  - wait: { process: p1, for: SOON }\n  - jump: {}\n'),
    );

    expect(issues.map((issue) => [issue.path, issue.line])).toEqual([
      ['steps[0].wait.for', 3],
      ['steps[1]', 4],
    ]);
  });

  it('requires exactly one content source in an upload', () => {
    const issues = issuesOf(scenarioFile('name: x\nsteps:\n  - upload: { text: a, json: {} }\n'));

    expect(issues).toEqual([
      expect.objectContaining({
        code: 'missing_content',
        path: 'steps[0].upload',
        message: 'give exactly one of file, json or text; got json, text',
      }),
    ]);
  });

  it('names a payload file that does not exist', () => {
    const issues = issuesOf(scenarioFile('name: x\nsteps:\n  - upload: { file: gone.json }\n'));

    expect(issues[0]).toMatchObject({
      code: 'file_not_found',
      path: 'steps[0].upload.file',
      line: 3,
    });
  });

  it('names a process no earlier upload defined', () => {
    const issues = issuesOf(
      scenarioFile(
        'name: x\nsteps:\n  - check: { process: p9 }\n  - upload: { process: p9, text: a }\n',
      ),
    );

    expect(issues[0]).toMatchObject({ code: 'unknown_process', path: 'steps[0].check.process' });
  });

  it('throws a FileError for a file that cannot be read', () => {
    expect(() => loadScenario('/no/such/file.yaml')).toThrow(FileError);
  });
});
