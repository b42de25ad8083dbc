import type { Request } from 'express';

/** The tenant a request names, if any (`x-leaf-tenant-code`, else `x-tenant-code`). */
export function requestedTenant(req: Request): string | undefined {
  const tenant = req.get('x-leaf-tenant-code') ?? req.get('x-tenant-code');
  return tenant === undefined || tenant === '' ? undefined : tenant;
}

/** A single query parameter: `undefined` when absent, an array when given more than once. */
export function queryValue(req: Request, name: string): string | string[] | undefined {
  const value: unknown = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
