import type { Request } from 'express';

/**
 * A single-valued header as sent: `undefined` when absent, an array when given more than
 * once. A comma-separated value counts as given more than once: HTTP treats `a, b` and two
 * header lines alike (RFC 9110, 5.3), and clients and proxies join repeated lines so.
 */
export function headerValue(req: Request, name: string): string | string[] | undefined {
  const key = name.toLowerCase();
  // Node joins the repeated lines of an `x-` header with ", ", which the split undoes: the
  // joined value is at hand, where `headersDistinct` builds arrays of every header first.
  if (key.startsWith('x-')) {
    const joined = req.headers[key];
    return typeof joined === 'string' ? splitValues([joined]) : undefined;
  }
  return splitValues(req.headersDistinct[key]);
}

function splitValues(lines: readonly string[] | undefined): string | string[] | undefined {
  if (lines === undefined || lines.length === 0) return undefined;
  const first = lines[0];
  // The usual case: one line, one value, no arrays.
  if (lines.length === 1 && first !== undefined && !first.includes(',')) return first.trim();
  const values = lines.flatMap((line) => line.split(',').map((value) => value.trim()));
  return values.length === 1 ? values[0] : values;
}

/**
 * A header that must be given once: its value, or `undefined` when it is absent, empty or
 * given more than once (which counts as missing, like a repeated query parameter).
 */
export function singleHeader(req: Request, name: string): string | undefined {
  const value = headerValue(req, name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A phrase saying why a header or parameter is unusable, for error messages. */
export function whyMissing(value: string | string[] | undefined): string {
  return Array.isArray(value)
    ? `was given ${value.length} times; give it once`
    : 'is missing or empty';
}

/** The tenant a request names, if any (`x-leaf-tenant-code`, else `x-tenant-code`). */
export function requestedTenant(req: Request): string | undefined {
  return singleHeader(req, 'x-leaf-tenant-code') ?? singleHeader(req, 'x-tenant-code');
}

/** A single query parameter: `undefined` when absent, an array when given more than once. */
export function queryValue(req: Request, name: string): string | string[] | undefined {
  const value: unknown = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
