/**
 * Small, valid field values for generated entities. Each shrinks toward the plainest value
 * (the first of a list, the earliest date, a one-letter name), so a shrunk case reads easily.
 */
import fc from 'fast-check';

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_DAY = Date.UTC(1950, 0, 1);
const LAST_DAY = Date.UTC(2049, 11, 31);

/** A calendar date `YYYY-MM-DD` between 1950 and 2049. */
export function dateArbitrary(): fc.Arbitrary<string> {
  return fc
    .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY_MS })
    .map((days) => formatDate(FIRST_DAY + days * DAY_MS));
}

/** Two dates, the first not after the second. */
export function orderedDatesArbitrary(): fc.Arbitrary<readonly [string, string]> {
  return fc
    .tuple(dateArbitrary(), fc.integer({ min: 0, max: 3_650 }))
    .map(([first, gap]) => [first, shiftDate(first, gap)] as const);
}

/**
 * An ISO-8601 date-time in UTC, like `2023-02-17T10:52:11.121Z`; now and then at midnight or
 * at 23:59:59.999, the edges of a valid time of day.
 */
export function dateTimeArbitrary(): fc.Arbitrary<string> {
  const time = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: DAY_MS - 1 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, DAY_MS - 1) },
  );
  return fc
    .tuple(dateArbitrary(), time)
    .map(([date, ms]) => new Date(Date.parse(`${date}T00:00:00Z`) + ms).toISOString());
}

export function countryCodeArbitrary(): fc.Arbitrary<string> {
  return fc.constantFrom('DE', 'EE', 'FI', 'GB', 'US');
}

export function currencyCodeArbitrary(): fc.Arbitrary<string> {
  return fc.constantFrom('EUR', 'USD', 'GBP', 'SEK');
}

/** Money as the reference wants it: a finite amount and a currency code (V-5). */
export function moneyArbitrary(): fc.Arbitrary<{ amount: number; currencyCode: string }> {
  return fc.record({
    amount: fc.oneof(
      { withCrossShrink: true },
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: -100_000, max: 100_000_000 }).map((cents) => cents / 100),
    ),
    currencyCode: currencyCodeArbitrary(),
  });
}

/** A non-empty name: plain most of the time, any Unicode now and then. */
export function nameArbitrary(): fc.Arbitrary<string> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 4, arbitrary: fc.constantFrom('Peter', 'Anna', 'Mari', 'Jüri', 'Zoë') },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 16, unit: 'grapheme' }) },
  );
}

/** A short identifier-like string, e.g. an id number or a group id. */
export function codeTextArbitrary(): fc.Arbitrary<string> {
  return fc.stringMatching(/^[A-Z0-9]{1,12}$/);
}

/** A string that holds JSON text (merchantInfo, metaInfo). */
export function jsonTextArbitrary(): fc.Arbitrary<string> {
  return fc
    .dictionary(
      fc.constantFrom('merchantName', 'terminalId', 'campaignCode'),
      codeTextArbitrary(),
      {
        maxKeys: 3,
      },
    )
    .map((value) => JSON.stringify(value));
}

export function shiftDate(date: string, days: number): string {
  return formatDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
