/**
 * The oracle's field checks (reference section 8, examples/README.md): a value is missing
 * when absent, `null` or an empty string; otherwise it is judged against its kind. Codes are
 * `err.<entity><Leaf><Missing|Invalid>`, named after the field's leaf name.
 */
import { isObject } from './read-import-file.js';
import type { Problem } from './oracle-state.js';

/** What a field must hold, and the rule a wrong value breaks. */
export interface FieldKind {
  readonly rule: string;
  readonly accepts: (value: unknown) => boolean;
}

export const TEXT: FieldKind = { rule: 'V-3', accepts: (v) => typeof v === 'string' };
export const DATE: FieldKind = { rule: 'V-4', accepts: (v) => typeof v === 'string' && isDate(v) };
export const DATE_TIME: FieldKind = {
  rule: 'V-4',
  accepts: (v) => typeof v === 'string' && isDateTime(v),
};
export const COUNTRY: FieldKind = { rule: 'V-3', accepts: (v) => matches(v, /^[A-Z]{2}$/) };
export const CURRENCY: FieldKind = { rule: 'V-3', accepts: (v) => matches(v, /^[A-Z]{3}$/) };
export const MONEY: FieldKind = {
  rule: 'V-5',
  accepts: (v) =>
    isObject(v) &&
    typeof v['amount'] === 'number' &&
    Number.isFinite(v['amount']) &&
    matches(v['currencyCode'], /^[A-Z]{3}$/),
};
export const FINITE_NUMBER: FieldKind = {
  rule: 'V-3',
  accepts: (v) => typeof v === 'number' && Number.isFinite(v),
};
export const POSITIVE_INTEGER: FieldKind = {
  rule: 'V-3',
  accepts: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1,
};
export const JSON_TEXT: FieldKind = { rule: 'V-3', accepts: (v) => isJsonText(v) };
export const OBJECT: FieldKind = { rule: 'V-3', accepts: isObject };
export const ARRAY: FieldKind = { rule: 'V-3', accepts: Array.isArray };
export const NON_EMPTY_ARRAY: FieldKind = {
  rule: 'V-3',
  accepts: (v) => Array.isArray(v) && v.length > 0,
};

/** A code from a list; a list of the API itself (V-3) or a catalogue (V-13). */
export function codeFrom(codes: readonly string[], rule = 'V-13'): FieldKind {
  return { rule, accepts: (v) => typeof v === 'string' && codes.includes(v) };
}

/** Collects the problems of one entity. */
export class FieldJudge {
  readonly problems: Problem[] = [];

  constructor(private readonly prefix: string) {}

  /** A required field; returns whether its value is usable. */
  required(path: string, value: unknown, kind: FieldKind): boolean {
    if (isMissing(value)) {
      this.add('V-3', this.code(path, 'Missing'), path);
      return false;
    }
    return this.judge(path, value, kind);
  }

  /** An optional field, checked when present. */
  optional(path: string, value: unknown, kind: FieldKind): boolean {
    return isMissing(value) ? false : this.judge(path, value, kind);
  }

  /** Each object item of an array; any other item is invalid, coded after the array. */
  items(
    path: string,
    value: unknown,
    visit: (item: Record<string, unknown>, at: string) => void,
  ): void {
    if (!Array.isArray(value)) return;
    (value as unknown[]).forEach((item, index) => {
      const at = `${path}[${index}]`;
      if (isObject(item)) visit(item, at);
      else this.add('V-3', this.code(path, 'Invalid'), at);
    });
  }

  add(rule: string, code: string, field: string | null): void {
    this.problems.push({ rule, code, field });
  }

  private judge(path: string, value: unknown, kind: FieldKind): boolean {
    if (kind.accepts(value)) return true;
    this.add(kind.rule, this.code(path, 'Invalid'), path);
    return false;
  }

  private code(path: string, problem: 'Missing' | 'Invalid'): string {
    const leaf =
      path
        .replace(/\[\d+\]$/, '')
        .split('.')
        .at(-1) ?? path;
    return `err.${this.prefix}${leaf.charAt(0).toUpperCase()}${leaf.slice(1)}${problem}`;
  }
}

export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function matches(value: unknown, pattern: RegExp): boolean {
  return typeof value === 'string' && pattern.test(value);
}

/** `YYYY-MM-DD` naming a day that exists. */
export function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** ISO-8601 date and time, e.g. `2023-02-17T10:52:11.121Z`. */
export function isDateTime(text: string): boolean {
  const match =
    /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      text,
    );
  if (match === null || !isDate(match[1] ?? '')) return false;
  return Number(match[2]) <= 23 && Number(match[3]) <= 59 && Number(match[4] ?? 0) <= 59;
}

function isJsonText(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}
