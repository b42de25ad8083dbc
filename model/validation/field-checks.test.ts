import { describe, expect, it } from 'vitest';
import { isCalendarDate, isCountryCode, isDateTime } from './field-checks.js';
import { describeValue } from './json-values.js';
import { fieldCode } from './problem-codes.js';

describe('field checks', () => {
  it('V-4 accepts real calendar dates written YYYY-MM-DD', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2023-01-31', '2023-04-30', '1980-12-01']) {
      expect(isCalendarDate(date)).toBe(true);
    }
  });

  it('V-4 refuses days that do not exist and other notations', () => {
    const refused = [
      '2023-02-29',
      '1900-02-29',
      '2023-02-30',
      '2023-04-31',
      '2023-13-01',
      '2023-00-10',
      '2023-01-00',
      '2023-2-3',
      '03.02.2023',
      '2023-02-03T00:00:00Z',
      ' 2023-02-03',
      '２０２３-02-03',
    ];
    for (const date of refused) {
      expect(isCalendarDate(date)).toBe(false);
    }
  });

  it('V-4 accepts ISO-8601 date-times', () => {
    const accepted = [
      '2023-02-17T10:52:11.121Z',
      '2023-02-17T10:52:11Z',
      '2023-02-17T10:52Z',
      '2023-02-17T10:52:11+02:00',
      '2023-02-17T10:52:11-0530',
      '2023-02-17T10:52:11',
    ];
    for (const dateTime of accepted) {
      expect(isDateTime(dateTime)).toBe(true);
    }
  });

  it('V-4 refuses date-times with impossible parts or another notation', () => {
    const refused = [
      '2023-02-17',
      '2023-02-17 10:52:11Z',
      '2023-02-30T10:52:11Z',
      '2023-02-17T24:00:00Z',
      '2023-02-17T10:60:00Z',
      '2023-02-17T10:52:61Z',
      '2023-02-17T10:52:11+25:00',
      '2023-02-17T10:52:11.Z',
      '17.02.2023 10:52',
    ];
    for (const dateTime of refused) {
      expect(isDateTime(dateTime)).toBe(false);
    }
  });

  it('V-3 takes two upper-case letters for a country code', () => {
    expect(['DE', 'EE'].map(isCountryCode)).toEqual([true, true]);
    expect(['de', 'DEU', 'D', '+49', 49, null].map(isCountryCode)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('names codes after the leaf field with its first letter in upper case', () => {
    expect(fieldCode('account', 'activationDate', 'Missing')).toBe(
      'err.accountActivationDateMissing',
    );
    expect(fieldCode('person', 'countryCode', 'Invalid')).toBe('err.personCountryCodeInvalid');
  });

  it('describes values briefly for messages', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue('')).toBe('an empty string');
    expect(describeValue('2023-02-30')).toBe('"2023-02-30"');
    expect(describeValue('y'.repeat(100))).toBe(`"${'y'.repeat(40)}…"`);
    expect(describeValue([1, 2])).toBe('an array of 2 items');
    expect(describeValue({ a: 1 })).toBe('an object');
  });
});
