/**
 * Measures of untrusted JSON values that never recurse, so a value nested a million levels
 * deep is measured with a flat stack like any other.
 */

export interface ValueShape {
  /** Levels of objects and arrays, the value itself counting as one; 0 for a primitive. */
  readonly depth: number;
  /** Every value: objects, arrays and primitives alike. */
  readonly values: number;
}

/**
 * Depth and number of values of a JSON value. The walk stops as soon as either passes its
 * maximum, so a huge value costs no more than the limit it breaks.
 */
export function measureShape(value: unknown, maxDepth: number, maxValues: number): ValueShape {
  let deepest = 0;
  let values = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    values += 1;
    if (values > maxValues) break;
    if (typeof current !== 'object' || current === null) continue;

    deepest = Math.max(deepest, depth);
    if (deepest > maxDepth) break;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return { depth: deepest, values };
}

/**
 * The length of `JSON.stringify(value)`, give or take escapes, counted without building the
 * text. Counting stops once it passes `stopAbove`, and then returns that much plus one.
 */
export function jsonLength(value: unknown, stopAbove = Number.MAX_SAFE_INTEGER): number {
  let length = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && length <= stopAbove) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null) {
      length += primitiveLength(current);
      continue;
    }

    // Brackets or braces, and the commas between items; an object adds each key with its
    // quotes and colon.
    const entries = Array.isArray(current)
      ? (current as unknown[]).map((item) => ['', item] as const)
      : Object.entries(current);
    length += 2 + Math.max(0, entries.length - 1);
    for (const [key, item] of entries) {
      if (!Array.isArray(current)) length += key.length + 3;
      pending.push(item);
    }
  }
  return Math.min(length, stopAbove + 1);
}

function primitiveLength(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  // null, and what JSON has no text for (written as null, or left out).
  return 4;
}
