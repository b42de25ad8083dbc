/**
 * Safe reading of untrusted JSON values: nothing here recurses, reads inherited properties
 * or copies a value, so deep nesting, huge strings and `__proto__` keys are harmless.
 */

/** A JSON object: not null and not an array. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record's own property, never an inherited one (`constructor`, `__proto__`, …). */
export function ownValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Absent, `null` or an empty string: what the reference calls missing. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Absent or `null`: an optional field in this state is not checked. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

const QUOTED_LENGTH = 40;

/** A short phrase for a value in a message; long strings are cut, containers only named. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value === '') return 'an empty string';
    const shown = value.length > QUOTED_LENGTH ? `${value.slice(0, QUOTED_LENGTH)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty array';
    return `an array of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  }
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
