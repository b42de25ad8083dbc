/**
 * What a person must satisfy on its own (V-1…V-4, V-12; field list in examples/README.md).
 * Whether its key is new (V-6) is judged across entities in validate-entities.ts.
 */
import { ENTITY_TYPE_INFO } from '../entity-types.js';
import type { ReferenceData } from '../reference-data.js';
import type { ValidationProblem } from '../validation-problem.js';
import {
  checkArray,
  checkCountryCode,
  checkDate,
  checkObject,
  checkString,
  forEachObjectItem,
} from './field-checks.js';
import { describeValue, isAbsent, isMissing, ownValue } from './json-values.js';
import {
  ADDRESS_REGISTRATION_AT_LEAST_ONE_REQUIRED,
  CUSTOMER_TYPE_FIELD_NAME,
  CUSTOMER_TYPE_INVALID,
  ID_NUMBER_ONE_PRIMARY_REQUIRED,
} from './problem-codes.js';
import { fieldOf, ProblemSink, type Field } from './problem-sink.js';

type Data = Readonly<Record<string, unknown>>;

const PERSON_TYPE_CODES = ['P', 'L'];
const OPTIONAL_COUNTRY_CODES = [
  'countryOfBirth',
  'residencyCountryCode',
  'taxResidencyCountryCode',
];
const REGISTRATION_FIELDS = ['street1', 'cityCounty', 'countryCode'];

export function personProblems(data: Data, referenceData: ReferenceData): ValidationProblem[] {
  const sink = new ProblemSink(ENTITY_TYPE_INFO['PERSON.PERSON'].codePrefix);
  const at = (leaf: string): Field => fieldOf(data, leaf);

  checkObject(sink, at('source'), 'an object with string sourceName and sourceRef', (source) =>
    ['sourceName', 'sourceRef'].every((key) => typeof ownValue(source, key) === 'string'),
  );

  // Which name fields are required depends on the person type; an unusable type decides none.
  const personType = checkPersonType(sink, at('personTypeCode'));
  if (personType === 'P') {
    checkString(sink, at('givenName'));
    checkString(sink, at('surname'));
  }
  if (personType === 'L') checkString(sink, at('name'));

  checkDate(sink, at('birthDate'), 'optional');
  checkCountryCode(sink, at('nationality'), 'optional');
  checkCustomerType(sink, data, referenceData.customerTypeCodes);
  for (const leaf of OPTIONAL_COUNTRY_CODES) checkCountryCode(sink, at(leaf), 'optional');

  checkIdentificationNumbers(sink, at('identificationNumbers'));
  checkTaxNumbers(sink, at('taxNumbers'));
  checkAddresses(sink, at('addresses'));
  return sink.problems;
}

/** `P` (private) or `L` (legal): a fixed list of the API, not a catalogue, hence V-3. */
function checkPersonType(sink: ProblemSink, field: Field): string | undefined {
  const expectation = 'P (private) or L (legal)';
  if (isMissing(field.value)) {
    sink.missing(field, expectation);
    return undefined;
  }
  if (typeof field.value === 'string' && PERSON_TYPE_CODES.includes(field.value)) {
    return field.value;
  }
  sink.invalid(field, 'V-3', expectation);
  return undefined;
}

/** V-1, with the field name the docs show (`customerType`), not the JSON name. */
function checkCustomerType(sink: ProblemSink, data: Data, codes: readonly string[]): void {
  const value = ownValue(data, 'customerTypeCode');
  if (isAbsent(value)) return;
  if (typeof value === 'string' && codes.includes(value)) return;

  sink.add({
    rule: 'V-1',
    fieldName: CUSTOMER_TYPE_FIELD_NAME,
    errorCode: CUSTOMER_TYPE_INVALID,
    errorValue: value,
    errorMessage: `customerTypeCode must be one of ${codes.join(', ')}; got ${describeValue(value)}.`,
  });
}

function checkIdentificationNumbers(sink: ProblemSink, field: Field): void {
  const items = checkArray(sink, field, 'required');
  if (items === undefined) return;

  let primaries = 0;
  forEachObjectItem(sink, field, items, (record, path) => {
    checkString(sink, fieldOf(record, 'idNumber', path));
    checkCountryCode(sink, fieldOf(record, 'idCountryCode', path), 'required');
    if (ownValue(record, 'primary') === true) primaries += 1;
  });
  if (primaries === 1) return;

  sink.add({
    rule: 'V-2',
    fieldName: field.path,
    errorCode: ID_NUMBER_ONE_PRIMARY_REQUIRED,
    errorValue: null,
    errorMessage: `${field.path} must have exactly one entry with primary: true; found ${primaries}.`,
  });
}

function checkTaxNumbers(sink: ProblemSink, field: Field): void {
  const items = checkArray(sink, field, 'optional');
  if (items === undefined) return;

  forEachObjectItem(sink, field, items, (record, path) => {
    checkCountryCode(sink, fieldOf(record, 'taxCountryCode', path), 'optional');
  });
}

function checkAddresses(sink: ProblemSink, field: Field): void {
  const items = checkArray(sink, field, 'required');
  if (items === undefined) return;

  let registered = false;
  forEachObjectItem(sink, field, items, (record, path) => {
    checkCountryCode(sink, fieldOf(record, 'countryCode', path), 'optional');
    if (isRegistrationAddress(record)) registered = true;
  });
  if (registered) return;

  sink.add({
    rule: 'V-12',
    fieldName: field.path,
    errorCode: ADDRESS_REGISTRATION_AT_LEAST_ONE_REQUIRED,
    errorValue: null,
    errorMessage:
      `${field.path} must hold a registration address (addressTypeCode "R") ` +
      'with street1, cityCounty and countryCode.',
  });
}

function isRegistrationAddress(address: Data): boolean {
  if (ownValue(address, 'addressTypeCode') !== 'R') return false;
  return REGISTRATION_FIELDS.every((leaf) => {
    const value = ownValue(address, leaf);
    return typeof value === 'string' && value !== '';
  });
}
