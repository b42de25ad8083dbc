import type { ApiResponse } from '../../client/api-response.js';
import type { Expectation } from '../format/scenario-schema.js';
import type { Mismatch } from './scenario-result.js';

/** Differences between an answer and an expectation (HTTP status, status code, error codes). */
export function compareAnswer(response: ApiResponse<unknown>, expect: Expectation): Mismatch[] {
  const mismatches: Mismatch[] = [];
  if (expect.http !== undefined && response.status !== expect.http) {
    mismatches.push({ path: 'HTTP status', expected: expect.http, actual: response.status });
  }
  const statusCode = (response.data as { statusCode?: unknown } | null)?.statusCode ?? null;
  if (expect.status !== undefined && statusCode !== expect.status) {
    mismatches.push({ path: 'data.statusCode', expected: expect.status, actual: statusCode });
  }
  if (expect.errors !== undefined && !sameMembers(expect.errors, response.errors)) {
    mismatches.push({
      path: 'errors',
      expected: [...expect.errors].sort(),
      actual: [...response.errors].sort(),
    });
  }
  return mismatches;
}

/** Whether two lists hold the same items the same number of times, in any order. */
export function sameMembers(expected: readonly string[], actual: readonly string[]): boolean {
  if (expected.length !== actual.length) return false;
  const left = [...expected].sort();
  const right = [...actual].sort();
  return left.every((item, index) => item === right[index]);
}

/** How `deepDiff` treats some keys, at any depth. */
export interface DiffOptions {
  /** Keys left out of the comparison. */
  readonly ignore?: ReadonlySet<string>;
  /** Keys whose value the provider chooses: only whether it is null is compared. */
  readonly presenceOnly?: ReadonlySet<string>;
}

/** Every path at which `actual` differs from `expected`, descending into objects and arrays. */
export function deepDiff(
  expected: unknown,
  actual: unknown,
  options: DiffOptions = {},
  path = '',
): Mismatch[] {
  if (Object.is(expected, actual)) return [];
  const bothObjects =
    typeof expected === 'object' &&
    expected !== null &&
    typeof actual === 'object' &&
    actual !== null;
  if (!bothObjects || Array.isArray(expected) !== Array.isArray(actual)) {
    return [{ path: path || '(root)', expected, actual }];
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length !== actual.length) {
    return [{ path: `${path}.length`, expected: expected.length, actual: actual.length }];
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  const mismatches: Mismatch[] = [];
  for (const key of keys) {
    if (options.ignore?.has(key) === true) continue;
    const child = Array.isArray(expected) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const left = (expected as Record<string, unknown>)[key];
    const right = (actual as Record<string, unknown>)[key];
    if (options.presenceOnly?.has(key) === true) {
      if ((left === null) !== (right === null)) {
        const shape = (value: unknown): string => (value === null ? 'null' : 'a value');
        mismatches.push({ path: child, expected: shape(left), actual: shape(right) });
      }
      continue;
    }
    mismatches.push(...deepDiff(left, right, options, child));
  }
  return mismatches;
}
