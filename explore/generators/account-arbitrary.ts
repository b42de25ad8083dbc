import fc from 'fast-check';
import {
  currencyCodeArbitrary,
  dateArbitrary,
  moneyArbitrary,
  nameArbitrary,
} from './simple-values.js';

/** A valid ACCOUNT.ACCOUNT entity (examples/README.md) of the given person. */
export function accountArbitrary(
  key: fc.Arbitrary<string> = fc.constant('A1'),
  person: fc.Arbitrary<string> = fc.constant('P1'),
): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      externalAccountId: key,
      externalPersonId: person,
      statusCode: fc.constantFrom('ACTIVE', 'BLOCKED', 'CLOSED'),
      accountTypeCode: fc.constantFrom('CURRENCY', 'INTERNAL', 'SAVING', 'SHADOW', 'VIRTUAL'),
      activationDate: dateArbitrary(),
      currencyCode: currencyCodeArbitrary(),
      accountName: nameArbitrary(),
      overdraftAmount: moneyArbitrary(),
      limits: fc.array(
        fc.record({ amount: moneyArbitrary(), accountLimitTypeCode: fc.constant('DAILY') }),
        { minLength: 1, maxLength: 2 },
      ),
    },
    {
      requiredKeys: [
        'externalAccountId',
        'externalPersonId',
        'statusCode',
        'accountTypeCode',
        'activationDate',
        'currencyCode',
      ],
    },
  );
}
