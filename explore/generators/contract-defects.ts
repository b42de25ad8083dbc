import { defect, itemsOf, type EntityDefect } from './entity-defect.js';
import { shiftDate } from './simple-values.js';

type Data = Record<string, unknown>;

const contract = (
  id: string,
  rule: string,
  code: string,
  field: string,
  change: (entity: Data) => void,
): EntityDefect => defect('LOAN.CONTRACT', id, rule, { code, field }, change);

/** Defects of a loan contract, each breaking one of V-3…V-5 and V-13. */
export const CONTRACT_DEFECTS: readonly EntityDefect[] = [
  contract(
    'contract-person-missing',
    'V-3',
    'err.contractExternalPersonIdMissing',
    'externalPersonId',
    (e) => {
      delete e['externalPersonId'];
    },
  ),
  contract('contract-source-text', 'V-3', 'err.contractSourceInvalid', 'source', (e) => {
    e['source'] = 'MY-CONTRACT-DB';
  }),
  contract(
    'contract-loan-type-missing',
    'V-3',
    'err.contractLoanTypeCodeMissing',
    'loanTypeCode',
    (e) => {
      delete e['loanTypeCode'];
    },
  ),
  contract('contract-status-null', 'V-3', 'err.contractStatusCodeMissing', 'statusCode', (e) => {
    e['statusCode'] = null;
  }),
  contract(
    'contract-money-lower-case-currency',
    'V-5',
    'err.contractContractMoneyInvalid',
    'contractMoney',
    (e) => {
      e['contractMoney'] = { amount: 1500, currencyCode: 'eur' };
    },
  ),
  contract(
    'contract-start-date-impossible',
    'V-4',
    'err.contractStartDateInvalid',
    'startDate',
    (e) => {
      e['startDate'] = '2023-04-31';
    },
  ),
  contract('contract-ends-before-start', 'V-3', 'err.contractEndDateInvalid', 'endDate', (e) => {
    e['endDate'] = shiftDate(String(e['startDate']), -1);
  }),
  contract('contract-period-zero', 'V-3', 'err.contractPeriodInvalid', 'period', (e) => {
    e['period'] = 0;
  }),
  contract('contract-period-fraction', 'V-3', 'err.contractPeriodInvalid', 'period', (e) => {
    e['period'] = 1.5;
  }),
  contract(
    'contract-component-type-unknown',
    'V-13',
    'err.contractComponentTypeCodeInvalid',
    'components[0].componentTypeCode',
    (e) => {
      const components = itemsOf(e, 'components');
      e['components'] = [{ ...components[0], componentTypeCode: 'FOO' }, ...components.slice(1)];
    },
  ),
  contract(
    'contract-component-type-missing',
    'V-3',
    'err.contractComponentTypeCodeMissing',
    'components[0].componentTypeCode',
    (e) => {
      const components = itemsOf(e, 'components');
      const { componentTypeCode: _code, ...first } = components[0] ?? {};
      e['components'] = [first, ...components.slice(1)];
    },
  ),
  contract(
    'contract-components-empty',
    'V-3',
    'err.contractComponentsInvalid',
    'components',
    (e) => {
      e['components'] = [];
    },
  ),
];
