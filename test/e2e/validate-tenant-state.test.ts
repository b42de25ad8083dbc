/**
 * `import-harness validate` judges a file against what the tenant already holds: entities
 * named by --tenant-state, and the valid files named before it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validAccount, validPerson } from '../../model/validation/test-fixtures.js';
import { runCliCaptured } from '../support/run-cli.js';
import { library, problemLines, useTmpFolder } from './support/validate-cli.js';

const tmp = useTmpFolder();

describe('import-harness validate --tenant-state', () => {
  it('V-6: a person already in the tenant makes the file REJECTED with err.personExists', async () => {
    const file = library('v6-person-already-in-tenant.json');
    const state = tmp.file('keys.json', { persons: ['IM-P-00024'] });

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
    const state = tmp.file('control-answer.json', {
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
    const state = tmp.file('entities.json', {
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
    const state = tmp.file('wrong.json', { persons: 'IM-P-00024', accounts: ['IM-A-1', 7] });

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
    const notJson = tmp.file('not-json.json', 'persons: [IM-P-1]');
    const unknownType = tmp.file('unknown-type.json', {
      data: { entities: [{ type: 'PERSON', key: 'IM-P-1' }] },
    });
    const file = library('documented-person.json');

    const runs = await Promise.all(
      [notJson, unknownType, join(tmp.path, 'no-state.json')].map((state) =>
        runCliCaptured('validate', '--tenant-state', state, file),
      ),
    );

    expect(runs.map((run) => run.exitCode)).toEqual([2, 2, 2]);
    expect(runs[0]?.stderr).toContain(`The --tenant-state file ${notJson} is not JSON (`);
    expect(runs[1]?.stderr).toContain(
      'data.entities[0].type: Invalid option: expected one of "PERSON.PERSON"|',
    );
    expect(runs[2]?.stderr).toContain(
      `Cannot read the --tenant-state file ${join(tmp.path, 'no-state.json')}: there is no such file.`,
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
    const persons = tmp.file('persons.json', {
      persons: [
        validPerson({ externalPersonId: 'P-1' }),
        validPerson({ externalPersonId: 'P-2', surname: 42 }),
      ],
    });
    const accounts = tmp.file('accounts.json', {
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
