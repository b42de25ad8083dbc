/**
 * Import files that state handlers upload. Persons follow the documented example
 * (reference/examples/person.json), so a real provider accepts them as well as the simulator.
 */

type Person = Record<string, unknown>;

/** A person every provider should accept, under its own key. */
export function validPerson(key: string): Person {
  return {
    externalPersonId: key,
    source: { sourceName: 'external', sourceRef: key, sourceLink: null },
    personTypeCode: 'P',
    givenName: 'Peter',
    surname: 'Schmidt',
    statusCode: 'ACTIVE',
    birthDate: '1980-12-01',
    nationality: 'DE',
    customerTypeCode: 'PRIVATE',
    identificationNumbers: [{ idNumber: '12123456A123', idCountryCode: 'DE', primary: true }],
    addresses: [
      {
        addressTypeCode: 'R',
        street1: 'Fennstrasse 4',
        cityCounty: 'Berlin',
        zip: '13347',
        countryCode: 'DE',
      },
    ],
  };
}

/** A person that fails the one documented rule with a documented code: V-1. */
export function invalidPerson(key: string): Person {
  return { ...validPerson(key), customerTypeCode: 'someTypeCode' };
}

/** The bytes of an import file holding these persons. */
export function personsFile(persons: readonly Person[]): string {
  return JSON.stringify({ persons });
}

/** A file that technical validation refuses (section 7): it is not JSON. */
export const NOT_JSON_FILE = 'This import file is not JSON.\n';
