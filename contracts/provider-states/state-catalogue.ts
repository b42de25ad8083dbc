/**
 * The provider states of reference section 12: the vocabulary pact files use to ask a
 * provider for a starting point. Names are exact; each state hands back the values listed
 * under `provides`, which interactions inject into paths and bodies (`fromProviderState`).
 */

export const STATE_NAMES = [
  'an import process exists in status',
  'no import process exists with id',
  'a tenant holds a person',
  'an import batch was already uploaded',
  'a user exists',
] as const;

export type StateName = (typeof STATE_NAMES)[number];

export interface StateParameter {
  readonly name: string;
  /** What the parameter means and its default, as the catalogue states it. */
  readonly meaning: string;
}

export interface CatalogueEntry {
  readonly name: StateName;
  readonly parameters: readonly StateParameter[];
  readonly provides: readonly string[];
  /** `public API` works against any provider; `simulator` needs the control API. */
  readonly reachedThrough: string;
}

export const STATE_CATALOGUE: readonly CatalogueEntry[] = [
  {
    name: 'an import process exists in status',
    parameters: [
      { name: 'status', meaning: 'required: the process status to reach' },
      { name: 'valid', meaning: 'valid entities in the file (default 1)' },
      { name: 'invalid', meaning: 'invalid entities, REJECTED only (default 1)' },
      { name: 'refused', meaning: 'entities the target refuses, FAILED only (default 1)' },
      { name: 'tenant', meaning: 'tenant of the upload (default: the run tenant)' },
    ],
    provides: ['importProcessId', 'tenant'],
    reachedThrough:
      'public API for ERROR, REJECTED, DONE, PARTIALLY_DONE, DISCARDED; ' +
      'simulator for FAILED and transient statuses',
  },
  {
    name: 'no import process exists with id',
    parameters: [{ name: 'importProcessId', meaning: 'the id no process has (default DIM-404)' }],
    provides: ['importProcessId'],
    reachedThrough: 'public API',
  },
  {
    name: 'a tenant holds a person',
    parameters: [
      { name: 'tenant', meaning: 'the tenant (default: the run tenant)' },
      { name: 'externalPersonId', meaning: 'the person key (default: unique per set-up)' },
    ],
    provides: ['tenant', 'externalPersonId'],
    reachedThrough: 'public API',
  },
  {
    name: 'an import batch was already uploaded',
    parameters: [
      { name: 'tenant', meaning: 'the tenant (default: the run tenant)' },
      { name: 'sourceName', meaning: 'the batch name (default import-harness)' },
      { name: 'sourceRef', meaning: 'the batch reference (default: unique per set-up)' },
    ],
    provides: ['tenant', 'sourceName', 'sourceRef'],
    reachedThrough: 'public API',
  },
  {
    name: 'a user exists',
    parameters: [
      { name: 'username', meaning: 'the user name (default import-harness)' },
      { name: 'password', meaning: 'the password (default import-harness)' },
    ],
    provides: ['username', 'password'],
    reachedThrough: 'simulator (users file)',
  },
];

export function isStateName(name: unknown): name is StateName {
  return typeof name === 'string' && (STATE_NAMES as readonly string[]).includes(name);
}

export function catalogueEntry(name: StateName): CatalogueEntry {
  const entry = STATE_CATALOGUE.find((candidate) => candidate.name === name);
  if (entry === undefined) throw new Error(`catalogueEntry: no entry for ${JSON.stringify(name)}`);
  return entry;
}

/** The catalogue as a reader needs it in an error message: every name with its parameters. */
export function describeCatalogue(): string {
  return STATE_CATALOGUE.map((entry) => {
    const names = entry.parameters.map((parameter) => parameter.name).join(', ');
    return `"${entry.name}" (${names})`;
  }).join('; ');
}
