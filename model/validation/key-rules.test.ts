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

describe('V-6 and V-10: a key is imported only once', () => {
  it('V-6 refuses a person already created in the tenant', () => {
    const context = contextWith({ tenant: tenantHolding(['PERSON.PERSON', 'IM-P-00023']) });

    expect(problemsOf(person(validPerson()), context)).toMatchObject([
      {
        rule: 'V-6',
        fieldName: 'externalPersonId',
        errorCode: 'err.personExists',
        errorValue: 'IM-P-00023',
      },
    ]);
  });

  it('V-6 judges the first copy of a person on its merits and refuses the later ones', () => {
    const entities = [person(validPerson()), person(validPerson()), person(validPerson())];
    const exists = { errorCode: 'err.personExists', fieldName: 'externalPersonId' };

    expect(validateEntities(entities, contextWith()).map(codesAndFields)).toEqual([
      [],
      [exists],
      [exists],
    ]);
  });

  it('V-6 refuses a valid later copy even when the first copy is invalid', () => {
    const entities = [person(validPerson({ addresses: [] })), person(validPerson())];

    expect(validateEntities(entities, contextWith()).map(codesAndFields)).toEqual([
      [{ errorCode: 'err.addressRegistrationAtLeastOneRequired', fieldName: 'addresses' }],
      [{ errorCode: 'err.personExists', fieldName: 'externalPersonId' }],
    ]);
  });

  it('V-10 refuses an account, transaction or contract already created in the tenant', () => {
    const context = contextWith({
      tenant: tenantHolding(
        ['PERSON.PERSON', 'IM-P-00023'],
        ['PERSON.PERSON', 'EXT-P-1000'],
        ['ACCOUNT.ACCOUNT', 'IM-A-00023'],
        ['ACCOUNT.ACCOUNT_TRANSACTION', 'ID-1000'],
        ['LOAN.CONTRACT', 'EXT-C-1000'],
      ),
    });
    const entities = [
      account(validAccount()),
      transaction(validTransaction()),
      contract(validContract()),
    ];

    expect(validateEntities(entities, context)).toMatchObject([
      [
        {
          rule: 'V-10',
          fieldName: 'externalAccountId',
          errorCode: 'err.accountExists',
          errorValue: 'IM-A-00023',
        },
      ],
      [
        {
          rule: 'V-10',
          fieldName: 'externalAccountTransactionId',
          errorCode: 'err.transactionExists',
          errorValue: 'ID-1000',
        },
      ],
      [
        {
          rule: 'V-10',
          fieldName: 'externalContractId',
          errorCode: 'err.contractExists',
          errorValue: 'EXT-C-1000',
        },
      ],
    ]);
  });

  it('V-10 refuses the later copies of a key within the file', () => {
    const context = contextWith({
      tenant: tenantHolding(['PERSON.PERSON', 'IM-P-00023'], ['ACCOUNT.ACCOUNT', 'IM-A-00023']),
    });
    const entities = [
      transaction(validTransaction()),
      account(validAccount({ externalAccountId: 'A-2' })),
      transaction(validTransaction({ amount: { amount: 1, currencyCode: 'EUR' } })),
      account(validAccount({ externalAccountId: 'A-2' })),
    ];

    expect(validateEntities(entities, context).map(codesAndFields)).toEqual([
      [],
      [],
      [{ errorCode: 'err.transactionExists', fieldName: 'externalAccountTransactionId' }],
      [{ errorCode: 'err.accountExists', fieldName: 'externalAccountId' }],
    ]);
  });

  it('V-10 lets different entity types share a key', () => {
    const context = contextWith({ tenant: tenantHolding(['PERSON.PERSON', 'K-1']) });
    const entities = [account(validAccount({ externalAccountId: 'K-1', externalPersonId: 'K-1' }))];

    expect(validateEntities(entities, context)).toEqual([[]]);
  });
});
