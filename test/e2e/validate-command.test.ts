import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { validAccount, validPerson } from '../../model/validation/test-fixtures.js';
import { runCliCaptured, type CliRun } from '../support/run-cli.js';

/** Import files of the bundled library, whose scenarios state what the simulator reports. */
const FILES = fileURLToPath(new URL('../../scenarios/library/validation/files/', import.meta.url));
const library = (name: string): string => join(FILES, name);
const TMP = mkdtempSync(join(tmpdir(), 'ih-validate-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function tmpFile(name: string, content: unknown): string {
  const file = join(TMP, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const TOTALS = /^\d+ files?, [\d,]+ entit(y|ies) in \d+\.\d\d s \([\d,]+ entities\/s\): /;

/** The lines that report problems: `  TYPE KEY FIELD CODE: message`, without the message. */
function problemLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => /^ {2}\S+ \S+ \S+ err\.\w+: /.test(line))
    .map((line) => line.slice(2, line.indexOf(': ')));
}

describe('import-harness validate: the status a real import would reach', () => {
  it('exits 0 and says "ready to send" when every entity of the file is valid', async () => {
    const run = await runCliCaptured('validate', library('documented-person.json'));

    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `${library('documented-person.json')}: ready to send — 1 entity, all valid`,
      '  entity type                 entities    valid  invalid',
      '  ACCOUNT.ACCOUNT_TRANSACTION        0        0        0',
      '  ACCOUNT.ACCOUNT                    0        0        0',
      '  LOAN.CONTRACT                      0        0        0',
      '  PERSON.PERSON                      1        1        0',
      '',
      expect.stringMatching(TOTALS) as string,
      '',
    ]);
    expect(run.stdout).toMatch(/: 1 ready to send, 0 REJECTED, 0 ERROR\n$/);
    expect(run.stderr).toBe('');
  });

  it('exits 1 with REJECTED and one line per problem: type, key, field, code, message', async () => {
    // The files of the scenario "every problem of an entity is reported together", in order.
    const run = await runCliCaptured(
      'validate',
      library('tenant-persons.json'),
      library('tenant-accounts.json'),
      library('v-all-problems-of-an-entity.json'),
    );

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `${library('v-all-problems-of-an-entity.json')}: REJECTED — 2 of 2 entities invalid, ` +
        '13 problems\n',
    );
    expect(problemLines(run.stdout)).toEqual([
      'PERSON.PERSON IM-P-00024 externalPersonId err.personExists',
      'PERSON.PERSON IM-P-00024 givenName err.personGivenNameMissing',
      'PERSON.PERSON IM-P-00024 birthDate err.personBirthDateInvalid',
      'PERSON.PERSON IM-P-00024 nationality err.personNationalityInvalid',
      'PERSON.PERSON IM-P-00024 customerType err.personCustomerTypeInvalid',
      'PERSON.PERSON IM-P-00024 identificationNumbers err.idNumberOnePrimaryRequired',
      'PERSON.PERSON IM-P-00024 addresses err.addressRegistrationAtLeastOneRequired',
      'ACCOUNT.ACCOUNT IM-A-00023 externalAccountId err.accountExists',
      'ACCOUNT.ACCOUNT IM-A-00023 statusCode err.accountStatusCodeInvalid',
      'ACCOUNT.ACCOUNT IM-A-00023 activationDate err.accountActivationDateInvalid',
      'ACCOUNT.ACCOUNT IM-A-00023 currencyCode err.accountCurrencyCodeMissing',
      'ACCOUNT.ACCOUNT IM-A-00023 overdraftAmount err.accountOverdraftAmountInvalid',
      'ACCOUNT.ACCOUNT IM-A-00023 externalPersonId err.accountPersonNotFound',
    ]);
    expect(run.stdout).toContain(
      '  PERSON.PERSON IM-P-00024 birthDate err.personBirthDateInvalid: ' +
        'birthDate must be a date YYYY-MM-DD; got "1985-02-30".\n',
    );
    expect(run.stdout).toContain('  ACCOUNT.ACCOUNT                    1        0        1\n');
    expect(run.stdout).toMatch(/: 2 ready to send, 1 REJECTED, 0 ERROR\n$/);
  });

  it('ends in ERROR with the technical reason for a file that is not JSON, and exits 1', async () => {
    const csv = tmpFile('persons.csv', 'externalPersonId;givenName\nIM-P-2001;Peter\n');

    const run = await runCliCaptured('validate', csv);

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`^${csv.replaceAll('.', '\\.')}: ERROR — the file is not valid JSON \\(.+\\)\n`),
    );
    expect(run.stdout).not.toContain('entity type');
    expect(run.stdout).toMatch(/: 0 ready to send, 0 REJECTED, 1 ERROR\n$/);
  });

  it('ends in ERROR for an empty file (T-3)', async () => {
    const run = await runCliCaptured('validate', tmpFile('empty.json', ''));

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('empty.json: ERROR — the file is empty\n');
  });
});

describe('import-harness validate: what comes from the file is shown safely', () => {
  it('shows control characters of a key escaped, so that a problem stays on one line', async () => {
    const file = tmpFile('control-key.json', {
      persons: [validPerson({ externalPersonId: 'P-1\u001b[2J\nP-2', surname: 42 })],
    });

    const run = await runCliCaptured('validate', file);

    expect(run.stdout).toContain(
      '  PERSON.PERSON P-1\\u001b[2J\\u000aP-2 surname err.personSurnameInvalid: ',
    );
    expect(run.stdout).not.toContain('\u001b');
  });
});

describe('import-harness validate: files that cannot be read, and usage errors', () => {
  it('exits 2 naming every file that cannot be read, and judges none', async () => {
    const folder = join(TMP, 'a-folder');
    mkdirSync(folder, { recursive: true });
    const pipe = join(TMP, 'a-pipe');
    execFileSync('mkfifo', [pipe]);

    const missing = join(TMP, 'missing.json');
    const run = await runCliCaptured(
      'validate',
      library('documented-person.json'),
      missing,
      folder,
      pipe,
    );

    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      `import-harness validate: Cannot read the import file ${missing}: there is no such ` +
        'file. Check the path and the current folder.',
      `import-harness validate: Cannot read the import file ${folder}: it is a folder, not a ` +
        'file. Name a file inside it.',
      `import-harness validate: Cannot read the import file ${pipe}: it is a named pipe ` +
        '(FIFO), which may never end and has no size. Save the data to a file first.',
      '',
    ]);
  });

  it('exits 2 when no file is named', async () => {
    const run = await runCliCaptured('validate', '--format', 'json');

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'import-harness validate: name at least one import file to validate, e.g. ' +
        'import-harness validate persons.json accounts.json\n',
    );
  });

  it('exits 2 for a --format, --limit or flag it does not know', async () => {
    const file = library('documented-person.json');

    const format = await runCliCaptured('validate', '--format', 'xml', file);
    const limit = await runCliCaptured('validate', '--limit', 'maxProcesses=5', file);
    const flag = await runCliCaptured('validate', '--tenant', 'MB', file);

    expect([format.exitCode, limit.exitCode, flag.exitCode]).toEqual([2, 2, 2]);
    expect(format.stderr).toContain('--format must be text or json; got "xml".');
    expect(limit.stderr).toContain(
      '--limit maxProcesses concerns a running simulator, not the reading of a file; validate ' +
        'accepts maxEntitiesPerFile, maxNestingDepth, maxValuesPerEntity, ' +
        'maxValidationReportBytes.',
    );
    expect(flag.stderr).toContain("Unknown option '--tenant'");
  });
});

describe('import-harness validate --tenant-state', () => {
  it('V-6: a person already in the tenant makes the file REJECTED with err.personExists', async () => {
    const file = library('v6-person-already-in-tenant.json');
    const state = tmpFile('keys.json', { persons: ['IM-P-00024'] });

    const empty = await runCliCaptured('validate', file);
    const known = await runCliCaptured('validate', '--tenant-state', state, file);

    expect(empty.exitCode).toBe(0);
    expect(empty.stdout).toContain(': ready to send — 2 entities, all valid\n');
    expect(known.exitCode).toBe(1);
    expect(problemLines(known.stdout)).toEqual([
      'PERSON.PERSON IM-P-00024 externalPersonId err.personExists',
    ]);
  });

  it('V-7: an account whose person is in the tenant state is no longer reported', async () => {
    const file = library('v7-account-person-not-found.json');
    // The control API's answer, as `curl …/__simulator/tenants/MB/entities > tenant.json` saves it.
    const state = tmpFile('control-answer.json', {
      errors: null,
      validationErrors: null,
      data: {
        entities: [
          { type: 'PERSON.PERSON', key: 'IM-P-00024', processId: 'DIM-1000', reference: null },
        ],
      },
    });

    const empty = await runCliCaptured('validate', file);
    const known = await runCliCaptured('validate', '--tenant-state', state, file);

    expect(problemLines(empty.stdout)).toEqual([
      'ACCOUNT.ACCOUNT IM-A-0701 externalPersonId err.accountPersonNotFound',
      'ACCOUNT.ACCOUNT IM-A-0702 externalPersonId err.accountPersonNotFound',
    ]);
    expect(problemLines(known.stdout)).toEqual([
      'ACCOUNT.ACCOUNT IM-A-0701 externalPersonId err.accountPersonNotFound',
    ]);
  });

  it('accepts the list of entities without the envelope', async () => {
    const state = tmpFile('entities.json', {
      entities: [{ type: 'PERSON.PERSON', key: 'IM-P-00024' }],
    });

    const run = await runCliCaptured(
      'validate',
      '--tenant-state',
      state,
      library('v6-person-already-in-tenant.json'),
    );

    expect(problemLines(run.stdout)).toEqual([
      'PERSON.PERSON IM-P-00024 externalPersonId err.personExists',
    ]);
  });

  it('exits 2 saying what is wrong with a tenant state of the wrong shape, and how to fix it', async () => {
    const state = tmpFile('wrong.json', { persons: 'IM-P-00024', accounts: ['IM-A-1', 7] });

    const run = await runCliCaptured(
      'validate',
      '--tenant-state',
      state,
      library('v6-person-already-in-tenant.json'),
    );

    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `import-harness validate: Invalid --tenant-state file ${state}: ` +
        'persons: Invalid input: expected array, received string; ' +
        'accounts[1]: Invalid input: expected string, received number. ' +
        'Give the control API answer of GET /__simulator/tenants/{tenant}/entities as saved ' +
        '(e.g. curl -s http://127.0.0.1:4010/__simulator/tenants/MB/entities > tenant.json), ' +
        'or an object of key lists such as {"persons": ["P-1"], "accounts": ["A-1"], ' +
        '"transactions": [], "contracts": []}.\n',
    );
  });

  it('exits 2 for a tenant state that is not JSON, names an unknown type, or is missing', async () => {
    const notJson = tmpFile('not-json.json', 'persons: [IM-P-1]');
    const unknownType = tmpFile('unknown-type.json', {
      data: { entities: [{ type: 'PERSON', key: 'IM-P-1' }] },
    });
    const file = library('documented-person.json');

    const runs = await Promise.all(
      [notJson, unknownType, join(TMP, 'no-state.json')].map((state) =>
        runCliCaptured('validate', '--tenant-state', state, file),
      ),
    );

    expect(runs.map((run) => run.exitCode)).toEqual([2, 2, 2]);
    expect(runs[0]?.stderr).toContain(`The --tenant-state file ${notJson} is not JSON (`);
    expect(runs[1]?.stderr).toContain(
      'data.entities[0].type: Invalid option: expected one of "PERSON.PERSON"|',
    );
    expect(runs[2]?.stderr).toContain(
      `Cannot read the --tenant-state file ${join(TMP, 'no-state.json')}: there is no such file.`,
    );
  });
});

describe('import-harness validate: several files, judged in order', () => {
  it('counts the entities of a file ready to send as existing for the files after it', async () => {
    const run = await runCliCaptured(
      'validate',
      library('documented-person.json'),
      library('documented-account.json'),
    );

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Files are judged in the order given, as if imported one after/);
    expect(run.stdout).toContain(
      'documented-person.json: ready to send — 1 entity, all valid; they count as existing ' +
        'for the files after it\n',
    );
    expect(run.stdout).toContain('documented-account.json: ready to send — 1 entity, all valid\n');
  });

  it('judges a file only against the files before it', async () => {
    const run = await runCliCaptured(
      'validate',
      library('documented-account.json'),
      library('documented-person.json'),
    );

    expect(run.exitCode).toBe(1);
    expect(problemLines(run.stdout)).toEqual([
      'ACCOUNT.ACCOUNT IM-A-00023 externalPersonId err.accountPersonNotFound',
    ]);
  });

  it('adds nothing to the tenant for a file that would be REJECTED', async () => {
    const persons = tmpFile('persons.json', {
      persons: [
        validPerson({ externalPersonId: 'P-1' }),
        validPerson({ externalPersonId: 'P-2', surname: 42 }),
      ],
    });
    const accounts = tmpFile('accounts.json', {
      accounts: [validAccount({ externalAccountId: 'A-1', externalPersonId: 'P-1' })],
    });

    const run = await runCliCaptured('validate', persons, accounts);

    expect(run.exitCode).toBe(1);
    expect(problemLines(run.stdout)).toEqual([
      'PERSON.PERSON P-2 surname err.personSurnameInvalid',
      'ACCOUNT.ACCOUNT A-1 externalPersonId err.accountPersonNotFound',
    ]);
    expect(run.stdout).toMatch(
      /^2 files, 3 entities in .*: 0 ready to send, 2 REJECTED, 0 ERROR$/m,
    );
  });
});

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
    const codes = tmpFile('codes.json', { customerTypeCodes: ['BUSINESS'] });

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
    const run = await runCliCaptured('validate', '--format', 'json', tmpFile('null.json', 'null'));

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
    const file = tmpFile('many-persons.json', { persons });

    const run = await runOn({ stdout: false, stderr: true }, file);

    expect(run.exitCode).toBe(0);
    if (run.stderr !== '') {
      expect(run.stderr).toMatch(/% [\d.]+\/[\d.]+ MiB, [\d,]+ entities/);
      expect(run.stderr).toMatch(/\r +\r$/);
    }
  });
});
