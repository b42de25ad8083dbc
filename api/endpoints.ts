/**
 * The endpoints of the data import API (H-1 … H-8) and of the simulator's control API.
 * The client builds its URLs from this table and the simulator mounts its routes from it,
 * so the two cannot disagree on a path.
 */
export const API_PATHS = {
  upload: '/api/v2/import',
  uploadJson: '/api/v1/import/sample',
  status: '/api/v1/import/status/:importProcessId',
  discard: '/api/v1/import/:importProcessId/discard',
  discardRejected: '/api/v1/import/:importProcessId/discard-rejected-entities',
  discardFailed: '/api/v1/import/:importProcessId/discard-failed-entities',
  retry: '/api/v1/import/:importProcessId/retry',
  authorise: '/api/v1/employees/authorise',
} as const;

/** The simulator's OpenAPI description of everything above (`api/openapi.yaml`), as JSON. */
export const DESCRIPTION_PATH = '/openapi.json';

export const CONTROL_PREFIX = '/__simulator';

export const CONTROL_PATHS = {
  reset: `${CONTROL_PREFIX}/reset`,
  config: `${CONTROL_PREFIX}/config`,
  faults: `${CONTROL_PREFIX}/faults`,
  processes: `${CONTROL_PREFIX}/processes`,
  process: `${CONTROL_PREFIX}/processes/:importProcessId`,
  advance: `${CONTROL_PREFIX}/processes/:importProcessId/advance`,
  created: `${CONTROL_PREFIX}/tenants/:tenant/entities`,
  stats: `${CONTROL_PREFIX}/stats`,
} as const;

/** Fills `:name` segments of a path pattern, encoding each value. */
export function fillPath(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`fillPath: no value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
}
