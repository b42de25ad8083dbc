import { describe, expect, it } from 'vitest';
import {
  codesAndFields,
  contextWith,
  contract,
  problemsOf,
  tenantHolding,
  validContract,
  without,
} from './test-fixtures.js';

// The example contract belongs to person EXT-P-1000, created by an earlier import.
const context = contextWith({ tenant: tenantHolding(['PERSON.PERSON', 'EXT-P-1000']) });
const problems = (data: Record<string, unknown>): ReturnType<typeof problemsOf> =>
  problemsOf(contract(data), context);
const codes = (data: Record<string, unknown>): ReturnType<typeof codesAndFields> =>
  codesAndFields(problems(data));

describe('contract rules', () => {
  it('V-3 accepts the documented example contract as it is', () => {
    expect(problems(validContract())).toEqual([]);
  });

  it('V-3 reports each missing required field', () => {
    const data = without(
      validContract(),
      'externalPersonId',
      'source',
      'loanTypeCode',
      'statusCode',
      'contractMoney',
      'startDate',
      'endDate',
      'period',
      'components',
    );

    expect(problems(data)).toMatchObject([
      {
        rule: 'V-3',
        fieldName: 'externalPersonId',
        errorCode: 'err.contractExternalPersonIdMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'source',
        errorCode: 'err.contractSourceMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'loanTypeCode',
        errorCode: 'err.contractLoanTypeCodeMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'statusCode',
        errorCode: 'err.contractStatusCodeMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'contractMoney',
        errorCode: 'err.contractContractMoneyMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'startDate',
        errorCode: 'err.contractStartDateMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'endDate',
        errorCode: 'err.contractEndDateMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'period',
        errorCode: 'err.contractPeriodMissing',
        errorValue: null,
      },
      {
        rule: 'V-3',
        fieldName: 'components',
        errorCode: 'err.contractComponentsMissing',
        errorValue: null,
      },
    ]);
  });

  it('V-3 refuses a source that is not an object', () => {
    expect(codes(validContract({ source: 'MY-CONTRACT-DB' }))).toEqual([
      { errorCode: 'err.contractSourceInvalid', fieldName: 'source' },
    ]);
    expect(codes(validContract({ source: [] }))).toEqual([
      { errorCode: 'err.contractSourceInvalid', fieldName: 'source' },
    ]);
  });

  it('V-3 refuses loanTypeCode and statusCode that are not strings', () => {
    expect(codes(validContract({ loanTypeCode: 1, statusCode: true }))).toEqual([
      { errorCode: 'err.contractLoanTypeCodeInvalid', fieldName: 'loanTypeCode' },
      { errorCode: 'err.contractStatusCodeInvalid', fieldName: 'statusCode' },
    ]);
  });

  it('V-3 refuses a period that is not a positive integer', () => {
    for (const period of [0, -1, 1.5, '1']) {
      expect(problems(validContract({ period }))).toMatchObject([
        {
          rule: 'V-3',
          fieldName: 'period',
          errorCode: 'err.contractPeriodInvalid',
          errorValue: period,
        },
      ]);
    }
  });

  it('V-3 refuses an endDate before the startDate', () => {
    const data = validContract({ startDate: '2023-03-18', endDate: '2023-03-17' });

    expect(problems(data)).toMatchObject([
      {
        rule: 'V-3',
        fieldName: 'endDate',
        errorCode: 'err.contractEndDateInvalid',
        errorValue: '2023-03-17',
      },
    ]);
  });

  it('V-3 accepts an endDate on the startDate', () => {
    expect(problems(validContract({ startDate: '2023-03-18', endDate: '2023-03-18' }))).toEqual([]);
  });

  it('V-3 refuses an empty components array as invalid, not missing', () => {
    expect(codes(validContract({ components: [] }))).toEqual([
      { errorCode: 'err.contractComponentsInvalid', fieldName: 'components' },
    ]);
  });

  it('V-3 refuses components that are not an array of objects', () => {
    expect(codes(validContract({ components: { componentTypeCode: 'PRI' } }))).toEqual([
      { errorCode: 'err.contractComponentsInvalid', fieldName: 'components' },
    ]);
    expect(codes(validContract({ components: ['PRI'] }))).toEqual([
      { errorCode: 'err.contractComponentsInvalid', fieldName: 'components[0]' },
    ]);
  });

  it('V-3 refuses a component without a componentTypeCode', () => {
    expect(problems(validContract({ components: [{ paymentInterval: 1 }] }))).toMatchObject([
      {
        rule: 'V-3',
        fieldName: 'components[0].componentTypeCode',
        errorCode: 'err.contractComponentTypeCodeMissing',
        errorValue: null,
      },
    ]);
  });

  it('V-4 refuses dates that are no calendar dates', () => {
    const data = validContract({ startDate: '2023-02-29', endDate: '2053-04-31' });

    expect(problems(data)).toMatchObject([
      {
        rule: 'V-4',
        fieldName: 'startDate',
        errorCode: 'err.contractStartDateInvalid',
        errorValue: '2023-02-29',
      },
      {
        rule: 'V-4',
        fieldName: 'endDate',
        errorCode: 'err.contractEndDateInvalid',
        errorValue: '2053-04-31',
      },
    ]);
  });

  it('V-5 refuses a defective contractMoney with one problem', () => {
    const contractMoney = { amount: null, currencyCode: 'EU' };

    expect(problems(validContract({ contractMoney }))).toMatchObject([
      {
        rule: 'V-5',
        fieldName: 'contractMoney',
        errorCode: 'err.contractContractMoneyInvalid',
        errorValue: contractMoney,
      },
    ]);
  });

  it('V-13 refuses a componentTypeCode outside the catalogue', () => {
    const components = [{ componentTypeCode: 'PRI' }, { componentTypeCode: 'FEE' }];

    expect(problems(validContract({ components }))).toMatchObject([
      {
        rule: 'V-13',
        fieldName: 'components[1].componentTypeCode',
        errorCode: 'err.contractComponentTypeCodeInvalid',
        errorValue: 'FEE',
      },
    ]);
  });

  it('V-13 accepts every catalogue component type', () => {
    const components = ['PRI', 'INT', 'PRI_P', 'ALIM'].map((componentTypeCode) => ({
      componentTypeCode,
    }));

    expect(problems(validContract({ components }))).toEqual([]);
  });
});
