/**
 * The options of `import-harness validate`: those it shares with serve, which change how a
 * file is judged, and those that change how the report is written (--format json, a
 * terminal).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { validPerson } from '../../model/validation/test-fixtures.js';
import { runCliCaptured, type CliRun } from '../support/run-cli.js';
import { library, problemLines, useTmpFolder } from './support/validate-cli.js';

const tmp = useTmpFolder();

describe('import-harness validate: options shared with serve', () => {
  it('--same-file-references lets a file refer to its own valid entities (V-7 … V-9)', async () => {
    const file = library('v7-same-file-chain.json');

    const without = await runCliCaptured('validate', file);
    const withOption = await runCliCaptured('validate', '--same-file-references', file);

    expect(problemLines(without.stdout)).toEqual([
      'ACCOUNT.ACCOUNT IM-A-0731 externalPersonId err.accountPersonNotFound',
      'ACCOUNT.ACCOUNT_TRANSACTION IM-T-0731 externalAccountId err.transactionAccountNotFound',
      'LOAN.CONTRACT EXT-C-0731 externalPersonId err.contractPersonNotFound',
    ]);
    expect(withOption.exitCode).toBe(0);
    expect(withOption.stdout).toContain(': ready to send — 4 entities, all valid\n');
  });

  it('--reference-data replaces the code catalogues (V-1)', async () => {
    const codes = tmp.file('codes.json', { customerTypeCodes: ['BUSINESS'] });

    const run = await runCliCaptured(
      'validate',
      '--reference-data',
      codes,
      library('documented-person.json'),
    );

    expect(run.exitCode).toBe(1);
    expect(problemLines(run.stdout)).toEqual([
      'PERSON.PERSON IM-P-00023 customerType err.personCustomerTypeInvalid',
    ]);
  });

  it('--limit changes a limit on reading a file; past it the import ends in ERROR', async () => {
    const run = await runCliCaptured(
      'validate',
      '--limit',
      'maxEntitiesPerFile=1',
      library('v6-person-already-in-tenant.json'),
    );

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      ': ERROR — the file holds 2 entities; the simulator accepts at most 1 per file ' +
        '(limit maxEntitiesPerFile). Split it into batches\n',
    );
  });
});

describe('import-harness validate --format json', () => {
  it('writes one document with the same statuses, problems and counts as the text', async () => {
    const files = [
      library('tenant-persons.json'),
      library('tenant-accounts.json'),
      library('v-all-problems-of-an-entity.json'),
    ];

    const text = await runCliCaptured('validate', ...files);
    const json = await runCliCaptured('validate', '--format', 'json', ...files);

    expect(json.exitCode).toBe(1);
    const document = JSON.parse(json.stdout) as {
      files: Array<Record<string, unknown> & { problems: Array<Record<string, string>> }>;
      totals: Record<string, unknown>;
    };
    expect(document.files.map((file) => file['status'])).toEqual([
      'READY_TO_SEND',
      'READY_TO_SEND',
      'REJECTED',
    ]);
    const rejected = document.files[2] ?? { problems: [] };
    expect(rejected).toMatchObject({
      file: files[2],
      reason: null,
      addedToTenant: false,
      entities: 2,
      valid: 0,
      invalid: 2,
      problemCount: 13,
    });
    expect(rejected['types']).toEqual([
      { type: 'ACCOUNT.ACCOUNT_TRANSACTION', entities: 0, valid: 0, invalid: 0 },
      { type: 'ACCOUNT.ACCOUNT', entities: 1, valid: 0, invalid: 1 },
      { type: 'LOAN.CONTRACT', entities: 0, valid: 0, invalid: 0 },
      { type: 'PERSON.PERSON', entities: 1, valid: 0, invalid: 1 },
    ]);
    expect(rejected.problems[0]).toEqual({
      type: 'PERSON.PERSON',
      key: 'IM-P-00024',
      rule: 'V-6',
      fieldName: 'externalPersonId',
      errorCode: 'err.personExists',
      errorValue: 'IM-P-00024',
      errorMessage:
        'externalPersonId "IM-P-00024" already exists in the tenant; a person is imported only once.',
    });
    const fromJson = rejected.problems.map(
      (p) => `${p['type']} ${p['key']} ${p['fieldName']} ${p['errorCode']}`,
    );
    expect(fromJson).toEqual(problemLines(text.stdout));
    expect(document.totals).toMatchObject({
      files: 3,
      entities: 9,
      valid: 7,
      invalid: 2,
      problems: 13,
      readyToSend: 2,
      rejected: 1,
      error: 0,
      stopped: false,
    });
  });

  it('gives the reason of a file that ends in ERROR', async () => {
    const run = await runCliCaptured('validate', '--format', 'json', tmp.file('null.json', 'null'));

    const [file] = JSON.parse(run.stdout).files;
    expect(file).toMatchObject({
      status: 'ERROR',
      reason: 'the top level must be an object or an array; got null',
      entities: null,
      types: null,
      problems: [],
    });
  });
});

describe('import-harness validate on a terminal', () => {
  async function runOn(
    terminal: { stdout: boolean; stderr: boolean; env?: Record<string, string> },
    ...args: string[]
  ): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const exitCode = await runCli(['validate', ...args], {
      stdout: { write: (text: string) => (stdout += text), isTTY: terminal.stdout },
      stderr: { write: (text: string) => (stderr += text), isTTY: terminal.stderr },
      env: terminal.env ?? {},
    });
    return { exitCode, stdout, stderr };
  }

  it('colours the status on a terminal, and not when NO_COLOR is set', async () => {
    const file = library('documented-person.json');

    const coloured = await runOn({ stdout: true, stderr: false }, file);
    const plain = await runOn({ stdout: true, stderr: false, env: { NO_COLOR: '1' } }, file);

    expect(coloured.stdout).toContain('\u001b[32mready to send\u001b[39m');
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('writes nothing on stderr when stderr is not a terminal', async () => {
    const run = await runOn({ stdout: false, stderr: false }, library('documented-person.json'));

    expect(run.stderr).toBe('');
  });

  it('leaves the terminal line clean after a progress bar', async () => {
    // Large enough to take longer to read than the first redraw on most machines.
    const persons = Array.from({ length: 20_000 }, (_, index) =>
      validPerson({ externalPersonId: `P-${index}` }),
    );
    const file = tmp.file('many-persons.json', { persons });

    const run = await runOn({ stdout: false, stderr: true }, file);

    expect(run.exitCode).toBe(0);
    if (run.stderr !== '') {
      expect(run.stderr).toMatch(/% [\d.]+\/[\d.]+ MiB, [\d,]+ entities/);
      expect(run.stderr).toMatch(/\r +\r$/);
    }
  });
});
