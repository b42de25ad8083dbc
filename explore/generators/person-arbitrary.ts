import fc from 'fast-check';
import {
  codeTextArbitrary,
  countryCodeArbitrary,
  dateArbitrary,
  nameArbitrary,
} from './simple-values.js';

type Data = Record<string, unknown>;

/**
 * A valid PERSON.PERSON entity (examples/README.md): a private (`P`) or legal (`L`) person
 * with exactly one primary identification number and a complete registration address.
 */
export function personArbitrary(key: fc.Arbitrary<string> = fc.constant('P1')): fc.Arbitrary<Data> {
  return fc
    .record(
      {
        externalPersonId: key,
        source: fc.record({
          sourceName: fc.constant('legacy-core'),
          sourceRef: codeTextArbitrary(),
        }),
        personTypeCode: fc.constantFrom('P', 'L'),
        givenName: nameArbitrary(),
        surname: nameArbitrary(),
        name: nameArbitrary(),
        birthDate: dateArbitrary(),
        nationality: countryCodeArbitrary(),
        countryOfBirth: countryCodeArbitrary(),
        residencyCountryCode: countryCodeArbitrary(),
        taxResidencyCountryCode: countryCodeArbitrary(),
        customerTypeCode: fc.constantFrom('PRIVATE', 'BUSINESS', 'STAFF'),
        identificationNumbers: identificationNumbersArbitrary(),
        taxNumbers: fc.array(
          fc.record({ taxNumber: codeTextArbitrary(), taxCountryCode: countryCodeArbitrary() }),
          { minLength: 1, maxLength: 2 },
        ),
        addresses: addressesArbitrary(),
      },
      {
        requiredKeys: [
          'externalPersonId',
          'source',
          'personTypeCode',
          'givenName',
          'surname',
          'name',
          'identificationNumbers',
          'addresses',
        ],
      },
    )
    .map(({ givenName, surname, name, ...person }) =>
      // A private person has a given name and surname, a legal person a name.
      person.personTypeCode === 'P' ? { ...person, givenName, surname } : { ...person, name },
    );
}

/** One to three identification numbers, exactly one of them primary (V-2). */
function identificationNumbersArbitrary(): fc.Arbitrary<Data[]> {
  const id = fc.record({ idNumber: codeTextArbitrary(), idCountryCode: countryCodeArbitrary() });
  return fc
    .tuple(fc.array(id, { minLength: 1, maxLength: 3 }), fc.nat())
    .map(([ids, pick]) =>
      ids.map((item, index) => ({ ...item, primary: index === pick % ids.length })),
    );
}

/** One to three addresses, one of them a complete registration address (V-12). */
function addressesArbitrary(): fc.Arbitrary<Data[]> {
  const registration = fc.record({
    addressTypeCode: fc.constant('R'),
    street1: fc.constantFrom('Fennstrasse 4', 'Narva mnt 7', 'Main Street 1'),
    cityCounty: fc.constantFrom('Berlin', 'Tallinn', 'London'),
    countryCode: countryCodeArbitrary(),
  });
  const other = fc.record(
    {
      addressTypeCode: fc.constantFrom('P', 'C'),
      street1: fc.constantFrom('Postfach 12', 'Box 3'),
      countryCode: countryCodeArbitrary(),
    },
    { requiredKeys: ['addressTypeCode'] },
  );
  return fc
    .tuple(registration, fc.array(other, { maxLength: 2 }), fc.nat())
    .map(([main, others, at]) => {
      const addresses: Data[] = [...others];
      addresses.splice(at % (others.length + 1), 0, main);
      return addresses;
    });
}
