import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../entity-types.js';
import {
  account,
  codesAndFields,
  contextWith,
  contract,
  entityOf,
  person,
  problemsOf,
  registrationAddress,
  tenantHolding,
  transaction,
  validAccount,
  validContract,
  validPerson,
  validTransaction,
} from './test-fixtures.js';
import { validateEntities } from './validate-entities.js';

const sameFile = contextWith({ sameFileReferences: true });

describe('validateEntities', () => {
  it('accepts the four documented examples in one file, their references resolved', () => {
    // The person and account examples are in the file; the contract's person is in the tenant.
    const context = contextWith({
      sameFileReferences: true,
      tenant: tenantHolding(['PERSON.PERSON', 'EXT-P-1000']),
    });
    const entities = [
      person(validPerson()),
      account(validAccount()),
      transaction(validTransaction()),
      contract(validContract()),
    ];

    expect(validateEntities(entities, context)).toEqual([[], [], [], []]);
  });

  it('answers one list per entity, in input order', () => {
    const entities = [
      account(validAccount({ statusCode: 'OPEN' })),
      person(validPerson()),
      person(validPerson({ externalPersonId: 'P-2', nationality: 'de' })),
    ];

    expect(validateEntities(entities, sameFile).map(codesAndFields)).toEqual([
      [{ errorCode: 'err.accountStatusCodeInvalid', fieldName: 'statusCode' }],
      [],
      [{ errorCode: 'err.personNationalityInvalid', fieldName: 'nationality' }],
    ]);
  });

  it('answers nothing for no entity', () => {
    expect(validateEntities([], contextWith())).toEqual([]);
  });

  it('reports the documented rejected person with exactly its two problems', () => {
    const rejected = validPerson({
      externalPersonId: '0759269-5-OH-54',
      source: { sourceName: 'SileCube-Persons', sourceRef: 'CN-IM-OH-rep-54', sourceLink: null },
      customerTypeCode: 'someTypeCode',
      identificationNumbers: [{ idNumber: '12123456A123', idCountryCode: 'DE' }],
    });

    expect(problemsOf(person(rejected), contextWith())).toEqual([
      {
        rule: 'V-1',
        fieldName: 'customerType',
        errorCode: 'err.personCustomerTypeInvalid',
        errorValue: 'someTypeCode',
        errorMessage: expect.any(String) as unknown,
      },
      {
        rule: 'V-2',
        fieldName: 'identificationNumbers',
        errorCode: 'err.idNumberOnePrimaryRequired',
        errorValue: null,
        errorMessage: expect.any(String) as unknown,
      },
    ]);
  });
});

describe('validateEntities on any input', () => {
  it('reports every problem of an entity, its own and across entities', () => {
    const context = contextWith({ tenant: tenantHolding(['ACCOUNT.ACCOUNT', 'IM-A-00023']) });
    const data = validAccount({ activationDate: '2023-13-01', limits: 'none' });

    expect(codesAndFields(problemsOf(account(data), context))).toEqual([
      { errorCode: 'err.accountExists', fieldName: 'externalAccountId' },
      { errorCode: 'err.accountActivationDateInvalid', fieldName: 'activationDate' },
      { errorCode: 'err.accountLimitsInvalid', fieldName: 'limits' },
      { errorCode: 'err.accountPersonNotFound', fieldName: 'externalPersonId' },
    ]);
  });

  it('treats __proto__ keys as plain data', () => {
    const data = JSON.parse(
      '{"externalPersonId": "P", "__proto__": {"source": {"sourceName": "x", "sourceRef": "y"}}}',
    ) as Record<string, unknown>;

    const fields = codesAndFields(problemsOf(person(data), contextWith())).map((p) => p.fieldName);
    expect(fields).toContain('source');
  });

  it('does not overflow the stack on deeply nested values or slow down on huge strings', () => {
    const deep = JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)) as unknown;
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const data = validPerson({
      source: deep,
      birthDate: huge,
      addresses: [registrationAddress({ countryCode: deep })],
    });

    const found = problemsOf(person(data), contextWith());
    expect(codesAndFields(found)).toEqual([
      { errorCode: 'err.personSourceInvalid', fieldName: 'source' },
      { errorCode: 'err.personBirthDateInvalid', fieldName: 'birthDate' },
      { errorCode: 'err.personCountryCodeInvalid', fieldName: 'addresses[0].countryCode' },
      { errorCode: 'err.addressRegistrationAtLeastOneRequired', fieldName: 'addresses' },
    ]);
    expect(found.every((problem) => problem.errorMessage.length < 300)).toBe(true);
  });

  it('never throws, whatever JSON the entity holds', () => {
    const anyEntity = fc.record({
      type: fc.constantFrom(...ENTITY_TYPES),
      data: fc.dictionary(
        fc.oneof(
          fc.constantFrom('source', 'addresses', 'identificationNumbers', 'amount', 'limits'),
          fc.constantFrom('components', 'externalPersonId', 'externalAccountId', '__proto__'),
          fc.string(),
        ),
        fc.jsonValue(),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(anyEntity, { maxLength: 5 }),
        fc.boolean(),
        (drafts, sameFileReferences) => {
          const entities = drafts.map(({ type, data }) =>
            entityOf(type, { ...data, [keyOf(type)]: 'K' }),
          );
          const answer = validateEntities(entities, contextWith({ sameFileReferences }));
          expect(answer).toHaveLength(entities.length);
        },
      ),
    );
  });
});

function keyOf(type: (typeof ENTITY_TYPES)[number]): string {
  return {
    'PERSON.PERSON': 'externalPersonId',
    'ACCOUNT.ACCOUNT': 'externalAccountId',
    'ACCOUNT.ACCOUNT_TRANSACTION': 'externalAccountTransactionId',
    'LOAN.CONTRACT': 'externalContractId',
  }[type];
}
