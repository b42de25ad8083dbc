import fc from 'fast-check';
import { codeTextArbitrary, moneyArbitrary, orderedDatesArbitrary } from './simple-values.js';

/**
 * A valid LOAN.CONTRACT entity (examples/README.md) of the given person: it starts no later
 * than it ends and has at least one component.
 */
export function contractArbitrary(
  key: fc.Arbitrary<string> = fc.constant('C1'),
  person: fc.Arbitrary<string> = fc.constant('P1'),
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record(
      {
        externalContractId: key,
        externalPersonId: person,
        source: fc.record({
          sourceName: fc.constant('MY-CONTRACT-DB'),
          sourceRef: codeTextArbitrary(),
        }),
        loanTypeCode: fc.constantFrom('SECURED_LOAN', 'CONSUMER_LOAN'),
        statusCode: fc.constantFrom('ACTIVE', 'PENDING'),
        contractMoney: moneyArbitrary(),
        dates: orderedDatesArbitrary(),
        period: fc.integer({ min: 1, max: 360 }),
        components: fc.array(
          fc.record({
            componentTypeCode: fc.constantFrom('PRI', 'INT', 'PRI_P', 'ALIM'),
            paymentInterval: fc.integer({ min: 1, max: 12 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        limitMoney: moneyArbitrary(),
      },
      {
        requiredKeys: [
          'externalContractId',
          'externalPersonId',
          'source',
          'loanTypeCode',
          'statusCode',
          'contractMoney',
          'dates',
          'period',
          'components',
        ],
      },
    )
    .map(({ dates, ...contract }) => ({ ...contract, startDate: dates[0], endDate: dates[1] }));
}
