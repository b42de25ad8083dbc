import { describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../client/api-response.js';
import { compareAnswer, deepDiff, sameMembers } from './compare.js';

function answer(status: number, data: unknown, errors: string[] = []): ApiResponse<unknown> {
  return {
    status,
    body: {},
    data,
    errors,
    request: { method: 'GET', url: 'http://127.0.0.1/', headers: {}, body: null },
  };
}

describe('compareAnswer', () => {
  it('passes when HTTP status, status code and error codes match, in any order', () => {
    const response = answer(400, null, ['err.sourceRefMissing', 'err.sourceNameMissing']);

    expect(
      compareAnswer(response, {
        http: 400,
        errors: ['err.sourceNameMissing', 'err.sourceRefMissing'],
      }),
    ).toEqual([]);
  });

  it('names each value that differs', () => {
    const response = answer(200, { statusCode: 'DONE' });

    expect(compareAnswer(response, { http: 202, status: 'INSERTED', errors: [] })).toEqual([
      { path: 'HTTP status', expected: 202, actual: 200 },
      { path: 'data.statusCode', expected: 'INSERTED', actual: 'DONE' },
    ]);
  });

  it('compares only what the expectation names', () => {
    expect(compareAnswer(answer(500, null, ['err.x']), {})).toEqual([]);
  });
});

describe('sameMembers', () => {
  it('counts repeated items', () => {
    expect(sameMembers(['a', 'a'], ['a'])).toBe(false);
    expect(sameMembers(['b', 'a'], ['a', 'b'])).toBe(true);
  });
});

describe('deepDiff', () => {
  it('lists every differing path and skips ignored keys at any depth', () => {
    const expected = { a: 1, rows: [{ note: 'x', n: 1 }], errorMessage: null };
    const actual = { a: 2, rows: [{ note: 'y', n: 1 }], errorMessage: 'text' };

    expect(deepDiff(expected, actual, { ignore: new Set(['note', 'errorMessage']) })).toEqual([
      { path: 'a', expected: 1, actual: 2 },
    ]);
  });

  it('compares provider-chosen keys only on whether they are null', () => {
    const options = { presenceOnly: new Set(['id']) };

    expect(deepDiff({ id: 'DIM-1' }, { id: 'DIM-9' }, options)).toEqual([]);
    expect(deepDiff({ id: null }, { id: 'DIM-9' }, options)).toEqual([
      { path: 'id', expected: 'null', actual: 'a value' },
    ]);
  });

  it('reports arrays of different length once', () => {
    expect(deepDiff({ list: [1, 2] }, { list: [1] })).toEqual([
      { path: 'list.length', expected: 2, actual: 1 },
    ]);
  });
});
