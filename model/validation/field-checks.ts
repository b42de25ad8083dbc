/**
 * Checks shared by the entity rules: presence and JSON type (V-3), dates (V-4), money (V-5),
 * catalogue codes (V-13). Each reports into a sink and returns the value when it is valid, so
 * a later rule (V-11, start ≤ end) runs only on values that passed.
 */
import { describeValue, isAbsent, isMissing, isRecord, ownValue } from './json-values.js';
import { itemOf, type Field, type ProblemSink } from './problem-sink.js';

export type Presence = 'required' | 'optional';

const DATE_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO-8601 extended format: a calendar date, `T`, hours and minutes, optional seconds and
// fraction, optional zone (`Z`, `+02`, `+0200`, `+02:00`); without a zone it is local time.
const TIME_FORMAT = String.raw`(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?`;
const ZONE_FORMAT = String.raw`(?:Z|[+-](\d{2})(?::?(\d{2}))?)?`;
const DATE_TIME_FORMAT = new RegExp(String.raw`^(\d{4}-\d{2}-\d{2})T${TIME_FORMAT}${ZONE_FORMAT}$`);
const COUNTRY_CODE = /^[A-Z]{2}$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

const NON_EMPTY_STRING = 'a non-empty string';
const DATE = 'a date YYYY-MM-DD';
const DATE_TIME = 'an ISO-8601 date-time such as 2023-02-17T10:52:11.121Z';
const COUNTRY = 'a country code of two upper-case letters';
const CURRENCY = 'a currency code of three upper-case letters';
const MONEY = 'money: an object with a finite number amount and a three-letter currencyCode';

/** `YYYY-MM-DD` naming a day that exists (2024-02-29 does, 2023-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_FORMAT.exec(value);
  if (match === null) return false;

  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isDateTime(value: string): boolean {
  const match = DATE_TIME_FORMAT.exec(value);
  if (match === null || !isCalendarDate(match[1] ?? '')) return false;

  const within = (part: string | undefined, max: number): boolean =>
    part === undefined || Number(part) <= max;
  return (
    within(match[2], 23) &&
    within(match[3], 59) &&
    within(match[4], 59) &&
    within(match[5], 23) &&
    within(match[6], 59)
  );
}

export function isCountryCode(value: unknown): boolean {
  return typeof value === 'string' && COUNTRY_CODE.test(value);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether the field holds a value to check; a missing required field is reported. */
function hasValue(
  sink: ProblemSink,
  field: Field,
  presence: Presence,
  expectation: string,
): boolean {
  if (presence === 'optional') return !isAbsent(field.value);
  if (!isMissing(field.value)) return true;
  sink.missing(field, expectation);
  return false;
}

/** A required non-empty string (V-3). */
export function checkString(sink: ProblemSink, field: Field): string | undefined {
  if (!hasValue(sink, field, 'required', NON_EMPTY_STRING)) return undefined;
  if (typeof field.value === 'string') return field.value;
  sink.invalid(field, 'V-3', NON_EMPTY_STRING);
  return undefined;
}

/** A required code from a catalogue: missing or not a string is V-3, unknown is V-13. */
export function checkCode(
  sink: ProblemSink,
  field: Field,
  codes: readonly string[],
): string | undefined {
  const expectation = `one of ${codes.join(', ')}`;
  if (!hasValue(sink, field, 'required', expectation)) return undefined;
  if (typeof field.value !== 'string') {
    sink.invalid(field, 'V-3', expectation);
    return undefined;
  }
  if (codes.includes(field.value)) return field.value;
  sink.invalid(field, 'V-13', expectation);
  return undefined;
}

/** A date: not a string is V-3, a string that is no calendar date is V-4. */
export function checkDate(sink: ProblemSink, field: Field, presence: Presence): string | undefined {
  if (!hasValue(sink, field, presence, DATE)) return undefined;
  if (typeof field.value !== 'string') {
    sink.invalid(field, 'V-3', DATE);
    return undefined;
  }
  if (isCalendarDate(field.value)) return field.value;
  sink.invalid(field, 'V-4', DATE);
  return undefined;
}

/** An optional ISO-8601 date-time (V-4; not a string is V-3). */
export function checkDateTime(sink: ProblemSink, field: Field): void {
  if (!hasValue(sink, field, 'optional', DATE_TIME)) return;
  if (typeof field.value !== 'string') sink.invalid(field, 'V-3', DATE_TIME);
  else if (!isDateTime(field.value)) sink.invalid(field, 'V-4', DATE_TIME);
}

export function checkCountryCode(sink: ProblemSink, field: Field, presence: Presence): void {
  if (!hasValue(sink, field, presence, COUNTRY)) return;
  if (!isCountryCode(field.value)) sink.invalid(field, 'V-3', COUNTRY);
}

/** A required currency code such as `EUR` (V-3). */
export function checkCurrencyCode(sink: ProblemSink, field: Field): void {
  if (!hasValue(sink, field, 'required', CURRENCY)) return;
  if (typeof field.value !== 'string' || !CURRENCY_CODE.test(field.value)) {
    sink.invalid(field, 'V-3', CURRENCY);
  }
}

/** Money is checked as one unit: any defect is one problem named after the money field. */
export function checkMoney(sink: ProblemSink, field: Field, presence: Presence): void {
  if (!hasValue(sink, field, presence, MONEY)) return;

  const defect = moneyDefect(field.value);
  if (defect !== undefined) sink.invalid(field, 'V-5', MONEY, defect);
}

/** What is wrong with a money value, phrased for `got …`; undefined when it is valid. */
function moneyDefect(value: unknown): string | undefined {
  if (!isRecord(value)) return describeValue(value);

  const amount = ownValue(value, 'amount');
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    return `an amount of ${describeValue(amount)}`;
  }
  const currencyCode = ownValue(value, 'currencyCode');
  if (typeof currencyCode !== 'string' || !CURRENCY_CODE.test(currencyCode)) {
    return `a currencyCode of ${describeValue(currencyCode)}`;
  }
  return undefined;
}

/** A required finite number (V-3). */
export function checkFiniteNumber(sink: ProblemSink, field: Field): void {
  const expectation = 'a finite number';
  if (!hasValue(sink, field, 'required', expectation)) return;
  if (typeof field.value !== 'number' || !Number.isFinite(field.value)) {
    sink.invalid(field, 'V-3', expectation);
  }
}

/** A required whole number above zero (V-3). */
export function checkPositiveInteger(sink: ProblemSink, field: Field): void {
  const expectation = 'a positive integer';
  if (!hasValue(sink, field, 'required', expectation)) return;
  if (!Number.isSafeInteger(field.value) || (field.value as number) < 1) {
    sink.invalid(field, 'V-3', expectation);
  }
}

/** An optional string that holds JSON text (an object in its place is invalid, V-3). */
export function checkJsonString(sink: ProblemSink, field: Field): void {
  const expectation = 'a string holding JSON text';
  if (!hasValue(sink, field, 'optional', expectation)) return;
  if (typeof field.value === 'string' && holdsJson(field.value)) return;
  sink.invalid(field, 'V-3', expectation);
}

function holdsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * An array field. When `nonEmpty`, an empty array is invalid: the reference counts only
 * absent, null and empty-string values as missing (V-3).
 */
export function checkArray(
  sink: ProblemSink,
  field: Field,
  presence: Presence,
  nonEmpty = false,
): readonly unknown[] | undefined {
  const expectation = nonEmpty ? 'a non-empty array' : 'an array';
  if (!hasValue(sink, field, presence, expectation)) return undefined;
  if (!Array.isArray(field.value)) {
    sink.invalid(field, 'V-3', expectation);
    return undefined;
  }
  const items: readonly unknown[] = field.value;
  if (nonEmpty && items.length === 0) {
    sink.invalid(field, 'V-3', expectation);
    return undefined;
  }
  return items;
}

/** Visits the object items of an array field in order; any other item is invalid (V-3). */
export function forEachObjectItem(
  sink: ProblemSink,
  field: Field,
  items: readonly unknown[],
  visit: (record: Readonly<Record<string, unknown>>, path: string) => void,
): void {
  for (const [index, value] of items.entries()) {
    const item = itemOf(field, index, value);
    if (isRecord(value)) visit(value, item.path);
    else sink.invalid(item, 'V-3', 'an object');
  }
}

/** An object field; `isComplete` adds what the object must hold to count as valid (V-3). */
export function checkObject(
  sink: ProblemSink,
  field: Field,
  expectation: string,
  isComplete: (record: Readonly<Record<string, unknown>>) => boolean = () => true,
): void {
  if (!hasValue(sink, field, 'required', expectation)) return;
  if (!isRecord(field.value) || !isComplete(field.value)) sink.invalid(field, 'V-3', expectation);
}
