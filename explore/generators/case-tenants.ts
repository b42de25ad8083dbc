/** The tenants of generated cases, and the tenant header each upload sends. */
import type { RequestFlaw } from './case-plan.js';

/** The tenant of generated cases, and the one whose header makes a process unknown. */
export const CASE_TENANT = 'harness';
export const OTHER_TENANT = 'other-tenant';

/** The tenant header an upload sends. */
export function tenantOf(flaw: RequestFlaw): string | null {
  if (flaw === 'no-tenant') return null;
  return flaw === 'other-tenant' ? OTHER_TENANT : CASE_TENANT;
}
