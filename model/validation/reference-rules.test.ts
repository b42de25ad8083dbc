import { describe, expect, it } from 'vitest';
import {
  account,
  codesAndFields,
  contextWith,
  contract,
  person,
  problemsOf,
  tenantHolding,
  transaction,
  validAccount,
  validContract,
  validPerson,
  validTransaction,
} from './test-fixtures.js';
import { validateEntities } from './validate-entities.js';

const sameFile = contextWith({ sameFileReferences: true });

describe('V-7, V-8, V-9: references exist', () => {
  it('V-7 refuses an account whose person is not in the tenant', () => {
    expect(problemsOf(account(validAccount()), contextWith())).toEqual([
      {
        rule: 'V-7',
        fieldName: 'externalPersonId',
        errorCode: 'err.accountPersonNotFound',
        errorValue: 'IM-P-00023',
        errorMessage: 'externalPersonId "IM-P-00023" names no person in the tenant.',
      },
    ]);
  });

  it('V-8 refuses a transaction whose account is not in the tenant', () => {
    const context = contextWith({ tenant: tenantHolding(['ACCOUNT.ACCOUNT', 'IM-A-99999']) });

    expect(problemsOf(transaction(validTransaction()), context)).toMatchObject([
      {
        rule: 'V-8',
        fieldName: 'externalAccountId',
        errorCode: 'err.transactionAccountNotFound',
        errorValue: 'IM-A-00023',
      },
    ]);
  });

  it('V-9 refuses a contract whose person is not in the tenant', () => {
    expect(problemsOf(contract(validContract()), contextWith())).toMatchObject([
      {
        rule: 'V-9',
        fieldName: 'externalPersonId',
        errorCode: 'err.contractPersonNotFound',
        errorValue: 'EXT-P-1000',
      },
    ]);
  });

  it('V-7 does not take an entity of another type for the person', () => {
    const context = contextWith({ tenant: tenantHolding(['ACCOUNT.ACCOUNT', 'IM-P-00023']) });

    expect(codesAndFields(problemsOf(account(validAccount()), context))).toEqual([
      { errorCode: 'err.accountPersonNotFound', fieldName: 'externalPersonId' },
    ]);
  });

  it('V-7 by default refuses a person that is only in the same file', () => {
    const entities = [person(validPerson()), account(validAccount())];

    expect(validateEntities(entities, contextWith()).map(codesAndFields)).toEqual([
      [],
      [{ errorCode: 'err.accountPersonNotFound', fieldName: 'externalPersonId' }],
    ]);
  });

  it('V-7, V-8, V-9 accept valid entities of the same file with sameFileReferences, in any file order', () => {
    const entities = [
      contract(validContract({ externalPersonId: 'IM-P-00023' })),
      transaction(validTransaction()),
      account(validAccount()),
      person(validPerson()),
    ];

    expect(validateEntities(entities, sameFile)).toEqual([[], [], [], []]);
  });

  it('V-7 with sameFileReferences refuses a person of the file that is itself invalid', () => {
    const entities = [person(validPerson({ birthDate: 'yesterday' })), account(validAccount())];

    expect(validateEntities(entities, sameFile).map(codesAndFields)).toEqual([
      [{ errorCode: 'err.personBirthDateInvalid', fieldName: 'birthDate' }],
      [{ errorCode: 'err.accountPersonNotFound', fieldName: 'externalPersonId' }],
    ]);
  });

  it('V-8 with sameFileReferences refuses an account of the file whose own person is missing', () => {
    const entities = [account(validAccount()), transaction(validTransaction())];

    expect(validateEntities(entities, sameFile).map(codesAndFields)).toEqual([
      [{ errorCode: 'err.accountPersonNotFound', fieldName: 'externalPersonId' }],
      [{ errorCode: 'err.transactionAccountNotFound', fieldName: 'externalAccountId' }],
    ]);
  });

  it('V-9 with sameFileReferences counts only the valid first copy of a person', () => {
    const entities = [
      person(validPerson({ externalPersonId: 'EXT-P-1000', surname: null })),
      person(validPerson({ externalPersonId: 'EXT-P-1000' })),
      contract(validContract()),
    ];

    expect(validateEntities(entities, sameFile).map(codesAndFields)).toEqual([
      [{ errorCode: 'err.personSurnameMissing', fieldName: 'surname' }],
      [{ errorCode: 'err.personExists', fieldName: 'externalPersonId' }],
      [{ errorCode: 'err.contractPersonNotFound', fieldName: 'externalPersonId' }],
    ]);
  });

  it('V-7 is not judged when the reference is not a non-empty string (V-3 reports it)', () => {
    expect(
      codesAndFields(problemsOf(account(validAccount({ externalPersonId: '' })), contextWith())),
    ).toEqual([{ errorCode: 'err.accountExternalPersonIdMissing', fieldName: 'externalPersonId' }]);
  });
});
