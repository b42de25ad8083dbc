/**
 * `import-harness validate`: the status a real import of each file would reach, what the
 * user reads about it, and the exit code — for files that can be judged, files that cannot
 * be read, and wrong usage.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validPerson } from '../../model/validation/test-fixtures.js';
import { runCliCaptured } from '../support/run-cli.js';
import { library, problemLines, useTmpFolder } from './support/validate-cli.js';

const tmp = useTmpFolder();

const TOTALS = /^\d+ files?, [\d,]+ entit(y|ies) in \d+\.\d\d s \([\d,]+ entities\/s\): /;

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
    const csv = tmp.file('persons.csv', 'externalPersonId;givenName\nIM-P-2001;Peter\n');

    const run = await runCliCaptured('validate', csv);

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`^${csv.replaceAll('.', '\\.')}: ERROR — the file is not valid JSON \\(.+\\)\n`),
    );
    expect(run.stdout).not.toContain('entity type');
    expect(run.stdout).toMatch(/: 0 ready to send, 0 REJECTED, 1 ERROR\n$/);
  });

  it('ends in ERROR for an empty file (T-3)', async () => {
    const run = await runCliCaptured('validate', tmp.file('empty.json', ''));

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('empty.json: ERROR — the file is empty\n');
  });
});

describe('import-harness validate: what comes from the file is shown safely', () => {
  it('shows control characters of a key escaped, so that a problem stays on one line', async () => {
    const file = tmp.file('control-key.json', {
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
    const folder = join(tmp.path, 'a-folder');
    mkdirSync(folder, { recursive: true });
    const pipe = join(tmp.path, 'a-pipe');
    execFileSync('mkfifo', [pipe]);

    const missing = join(tmp.path, 'missing.json');
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
