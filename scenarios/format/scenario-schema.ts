import { z } from 'zod';
import { ENTITY_TYPES } from '../../model/entity-types.js';
import { PROCESS_STATUSES } from '../../model/statuses.js';

/**
 * The scenario file format. A scenario is plain data: the tenant, entities that must exist
 * first, fault rules, and ordered steps with expectations. Hand-written files and generated
 * cases share this type; the runner executes either.
 */

const status = z.enum(PROCESS_STATUSES);
const entityType = z.enum(ENTITY_TYPES);
const processName = z.string().min(1);

/** What the answer of a request must be. */
const expectation = z.strictObject({
  /** HTTP status code. */
  http: z.number().int().min(100).max(599).optional(),
  /** `data.statusCode` of the answer. */
  status: status.optional(),
  /** `errors` codes of a refused request, in any order. */
  errors: z.array(z.string().min(1)).optional(),
});

/** The content of one multipart part, or of the whole import file. */
const content = z.strictObject({
  /** A file, relative to the scenario file. */
  file: z.string().min(1).optional(),
  /** The import file written inline. */
  json: z.unknown().optional(),
  /** Raw text, sent as is (for files that are not JSON). */
  text: z.string().optional(),
});

const part = content.extend({
  /** Part name. Default `file`. */
  name: z.string().min(1).optional(),
  /** File name; `null` sends a plain text field. Default `import.json`. */
  filename: z.string().min(1).nullable().optional(),
});

const headers = {
  /** Tenant header; `null` sends none. Default: the scenario's tenant. */
  tenant: z.string().nullable().optional(),
  /** `x-auth-token`; `null` sends none. Default: the runner's token. */
  token: z.string().nullable().optional(),
  /** `x-request-id`. */
  requestId: z.string().min(1).optional(),
};

const upload = content.extend({
  /** A name for the process, used by later steps. */
  process: processName.optional(),
  /** `multipart` (H-1, default) or `json` (H-8). */
  via: z.enum(['multipart', 'json']).optional(),
  /** Explicit multipart parts, for requests with no part or several. */
  parts: z.array(part).optional(),
  /** A body sent as is, for malformed multipart. */
  rawBody: z.strictObject({ contentType: z.string(), text: z.string() }).optional(),
  /** `null` leaves the parameter out. Default `import-harness`. */
  sourceName: z.string().nullable().optional(),
  /** `null` leaves the parameter out. Default: unique per upload of the scenario. */
  sourceRef: z.string().nullable().optional(),
  ...headers,
  /** Default `{http: 202, status: INSERTED}`. */
  expect: expectation.optional(),
});

const action = z.strictObject({
  process: processName,
  ...headers,
  /** Default `{http: 200}`. */
  expect: expectation.optional(),
});

const actionName = z.enum([
  'discard',
  'discard-rejected-entities',
  'discard-failed-entities',
  'retry',
]);

const validationRow = z.strictObject({
  statusCode: z.enum(['SUCCESS', 'FAILED']).optional(),
  entryCount: z.number().int().nonnegative().optional(),
  processedCount: z.number().int().nonnegative().optional(),
});

const dispatchRow = z.strictObject({
  statusCode: z.enum(['IN_PROGRESS', 'SUCCESS', 'FAILED']).optional(),
  entryCount: z.number().int().nonnegative().optional(),
  dispatchedCount: z.number().int().nonnegative().optional(),
  ackedCount: z.number().int().nonnegative().optional(),
  nackedCount: z.number().int().nonnegative().optional(),
  retryCount: z.number().int().nonnegative().optional(),
});

const expectedError = z.strictObject({
  /** The entity's key (`source.sourceRef` of the item). */
  key: z.string().min(1),
  code: z.string().min(1),
  /** `fieldName` of the item. */
  field: z.string().nullable().optional(),
  /** `errorValue` of the item. */
  value: z.unknown().optional(),
});

const check = z.strictObject({
  process: processName,
  status: status.optional(),
  /** Rows of `validationStatus` by entity type; only the fields given are compared. */
  validation: z.partialRecord(entityType, validationRow).optional(),
  /** Rows of `dispatchStatus` by entity type; `null` means the field must be null. */
  dispatch: z.union([z.null(), z.partialRecord(entityType, dispatchRow)]).optional(),
  /** The validation errors, by entity key and code. */
  errors: z.array(expectedError).optional(),
  /** Whether `errors` lists every item (default) or only some. */
  errorsExactly: z.boolean().optional(),
  /** A documented status response (a file); compared field by field, ids aside. */
  matches: z.string().min(1).optional(),
});

/** The body of each kind of step, by the key that names the kind. */
export const STEP_SCHEMAS = {
  upload,
  wait: z.strictObject({
    process: processName,
    for: status,
    /** Milliseconds. Default 10 000. */
    timeout: z.number().int().positive().optional(),
  }),
  check,
  discard: action,
  'discard-rejected-entities': action,
  'discard-failed-entities': action,
  retry: action,
  race: z.strictObject({
    process: processName,
    /** Actions sent at the same moment on the same process (D-2). */
    actions: z.array(actionName).min(2),
    /** How many of them must succeed. Default 1. */
    wins: z.number().int().nonnegative().optional(),
  }),
  status: z.strictObject({
    process: processName.optional(),
    /** A literal process id, for unknown ids. */
    id: z.string().min(1).optional(),
    ...headers,
    expect: expectation.optional(),
  }),
  created: z.strictObject({
    tenant: z.string().min(1).optional(),
    /** Keys that must exist, by entity type. */
    entities: z.partialRecord(entityType, z.array(z.string())),
    /** Whether no other entity may exist (default) or these at least. */
    exactly: z.boolean().optional(),
  }),
  advance: z.strictObject({
    process: processName,
    /** How many transitions. Default 1. */
    times: z.number().int().positive().optional(),
  }),
  authorise: z.strictObject({
    username: z.string().optional(),
    password: z.string().optional(),
    expect: expectation.optional(),
  }),
  request: z.strictObject({
    method: z.string().min(1),
    path: z.string().startsWith('/'),
    ...headers,
    expect: expectation,
  }),
} as const;

export type StepKind = keyof typeof STEP_SCHEMAS;
export const STEP_KINDS = Object.keys(STEP_SCHEMAS) as StepKind[];

/** A step is an object with exactly one key, the kind, holding that kind's body. */
export type ScenarioStep = {
  [K in StepKind]: { readonly [P in K]: z.infer<(typeof STEP_SCHEMAS)[K]> };
}[StepKind];

/** Checks one step against its kind's schema, reporting issues at their full path. */
function checkStep(value: unknown, index: number, ctx: z.RefinementCtx): void {
  const keys = isPlainObject(value) ? Object.keys(value) : [];
  const kind = keys[0] as StepKind | undefined;
  if (!isPlainObject(value) || keys.length !== 1 || kind === undefined || !(kind in STEP_SCHEMAS)) {
    ctx.addIssue({
      code: 'custom',
      path: [index],
      message:
        `a step is an object with exactly one key naming its kind (${STEP_KINDS.join(', ')}); ` +
        `got ${isPlainObject(value) ? `keys [${keys.join(', ')}]` : JSON.stringify(value)}`,
    });
    return;
  }
  const result = STEP_SCHEMAS[kind].safeParse(value[kind]);
  if (result.success) return;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: 'custom', path: [index, kind, ...issue.path], message: issue.message });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const steps = z
  .array(z.unknown())
  .min(1)
  .superRefine((items, ctx) => items.forEach((item, index) => checkStep(item, index, ctx)))
  .transform((items) => items as ScenarioStep[]);

const faultRule = z.strictObject({
  match: z
    .strictObject({ type: entityType.optional(), key: z.string().min(1).optional() })
    .optional(),
  refuse: z.union([z.literal('every'), z.strictObject({ first: z.number().int().positive() })]),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Rule ids of the reference this scenario is about, for reports. */
  rules: z.array(z.string().regex(/^[A-Z]-\d+$/, 'a rule id such as T-13 or V-6')).optional(),
  /** Default `harness`. */
  tenant: z.string().min(1).optional(),
  /**
   * Appended to every entity key and reference of the files the scenario imports and to every
   * key its fault rules and expectations name, e.g. `-{run}`: the files stay as documented,
   * and a rerun never meets the entities an earlier run created.
   */
  keySuffix: z.string().min(1).optional(),
  /** Simulator settings for this scenario; a scenario with any needs a simulator. */
  simulator: z
    .strictObject({
      pace: z.union([z.enum(['instant', 'step']), z.number().nonnegative()]).optional(),
      discardFromFailed: z.enum(['keep-created', 'rollback']).optional(),
      sameFileReferences: z.boolean().optional(),
      uniqueSourceRef: z.boolean().optional(),
    })
    .optional(),
  /** Import files that must have been imported (reach DONE) before the steps. */
  given: z.array(content).optional(),
  /** Fault rules of the simulator; a scenario with any needs a simulator. */
  faults: z.array(faultRule).optional(),
  steps,
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Expectation = z.infer<typeof expectation>;
export type ScenarioContent = z.infer<typeof content>;
export type UploadStep = z.infer<typeof upload>;
export type CheckStep = z.infer<typeof check>;
export type ActionStep = z.infer<typeof action>;
export type ActionStepName = z.infer<typeof actionName>;
