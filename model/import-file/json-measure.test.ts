import { describe, expect, it } from 'vitest';
import { jsonLength, measureShape } from './json-measure.js';

describe('measureShape', () => {
  it('counts the value itself as one level and every value once', () => {
    expect(measureShape({ a: [1, { b: 'x' }] }, 10, 100)).toEqual({ depth: 3, values: 5 });
    expect(measureShape('text', 10, 100)).toEqual({ depth: 0, values: 1 });
  });

  it('measures a value nested a million levels deep without recursing', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 1_000_000; level++) deep = [deep];

    expect(measureShape(deep, 32, 100).depth).toBeGreaterThan(32);
  });

  it('stops counting once a maximum is passed', () => {
    expect(measureShape(Array(1_000_000).fill(0), 32, 10).values).toBe(11);
  });
});

describe('jsonLength', () => {
  it.each([
    [null],
    [true],
    [12.5],
    ['text'],
    [[]],
    [{}],
    [{ a: [1, 'two', { three: null }], b: false }],
    [[[], [[]], { '': '' }]],
  ])('is the length of JSON.stringify(%j)', (value) => {
    expect(jsonLength(value)).toBe(JSON.stringify(value).length);
  });

  it('writes a number JSON cannot hold as null', () => {
    expect(jsonLength(Number.POSITIVE_INFINITY)).toBe('null'.length);
  });

  it('stops once it passes the bound', () => {
    expect(jsonLength('x'.repeat(1_000), 10)).toBe(11);
  });
});
