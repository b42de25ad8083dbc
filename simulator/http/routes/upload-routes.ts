import type { Request, Response } from 'express';
import type { ErrorExplanation } from '../../../api/wire-types.js';
import type { ImportUpload } from '../../../model/import-process.js';
import type { SimulatorEngine } from '../../engine/simulator-engine.js';
import { ApiError, problem } from '../api-error.js';
import { success } from '../envelope.js';
import { jsonBodyBytes, jsonBodyUtf8 } from '../json-body.js';
import { PartSink } from '../part-sink.js';
import { readSinglePart, type PartUpload } from '../read-single-part.js';
import { headerValue, queryValue, whyMissing } from '../request-headers.js';
import { principalOf } from '../require-token.js';

/** H-1: `POST /api/v2/import`, a multipart upload with the batch named in the query. */
export function uploadMultipart(engine: SimulatorEngine) {
  return async (req: Request, res: Response): Promise<void> => {
    // Step 1: read the body first, so every answer comes after the whole upload.
    let upload: PartUpload | null = null;
    let bodyError: ApiError | null = null;
    const newSink = (): PartSink => new PartSink(engine.spool, engine.options.memoryUploadBytes);
    try {
      upload = await readSinglePart(req, engine.options.maxBodyBytes, newSink);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status !== 400) throw error;
      bodyError = error;
    }

    try {
      // Step 2: a tenant the user may not access is refused before anything else is judged.
      assertTenantAccess(req, res);

      // Step 3: report every problem of the request together.
      const problems = [
        ...sourceProblems(queryValue(req, 'sourceName'), queryValue(req, 'sourceRef'), 'query'),
        ...tenantProblems(req),
        ...(bodyError?.problems ?? []),
      ];
      if (problems.length > 0 || upload === null) throw new ApiError(400, problems);

      create(engine, req, res, upload, {
        sourceName: String(queryValue(req, 'sourceName')),
        sourceRef: String(queryValue(req, 'sourceRef')),
        bytes: upload.kind === 'file' ? upload.bytes : upload.bytes.byteLength,
      });
      upload = null;
    } finally {
      // An upload that did not become a process leaves nothing behind.
      if (upload !== null) engine.discardUpload(upload);
    }
  };
}

/** H-8: `POST /api/v1/import/sample`, the JSON variant; `source` names the batch. */
export function uploadJson(engine: SimulatorEngine) {
  return (req: Request, res: Response): void => {
    assertTenantAccess(req, res);
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw ApiError.single(
        400,
        'err.requestJsonInvalid',
        'The body must be a JSON object {"source": {"sourceName", "sourceRef"}, "persons" | ' +
          '"accounts" | "transactions" | "contracts": [...]}.',
      );
    }
    const { source, ...document } = body as Record<string, unknown>;
    const fields = typeof source === 'object' && source !== null ? source : {};
    const sourceName = ownField(fields, 'sourceName');
    const sourceRef = ownField(fields, 'sourceRef');

    const problems = [...sourceProblems(sourceName, sourceRef, 'source'), ...tenantProblems(req)];
    if (problems.length > 0) throw new ApiError(400, problems);

    // The body is read again by the import file reader, as a file would be; its `source`
    // member is one the reader ignores.
    const raw = jsonBodyUtf8(req);
    create(
      engine,
      req,
      res,
      raw === null ? { kind: 'document', document } : { kind: 'bytes', bytes: raw },
      { sourceName: String(sourceName), sourceRef: String(sourceRef), bytes: jsonBodyBytes(req) },
    );
  };
}

function create(
  engine: SimulatorEngine,
  req: Request,
  res: Response,
  upload: ImportUpload,
  batch: { sourceName: string; sourceRef: string; bytes: number },
): void {
  const tenant = headerValue(req, 'x-leaf-tenant-code');
  const outcome = engine.upload({ tenant: String(tenant), ...batch, upload });
  if (outcome.ok) {
    res.status(202).json(success(outcome.status));
    return;
  }

  // A batch already imported is the client's mistake; a full simulator is not.
  if (outcome.code === 'err.importSourceRefExists') {
    throw ApiError.single(400, outcome.code, outcome.message, {
      fieldName: 'sourceRef',
      errorValue: batch.sourceRef,
    });
  }
  const retryAfter = outcome.retryAfterSeconds;
  throw new ApiError(
    429,
    [problem(outcome.code, outcome.message)],
    retryAfter === null ? {} : { 'Retry-After': String(retryAfter) },
  );
}

/** With users configured, an upload names a tenant its user may access (403 otherwise). */
function assertTenantAccess(req: Request, res: Response): void {
  const tenant = headerValue(req, 'x-leaf-tenant-code');
  if (typeof tenant !== 'string' || tenant === '') return;
  const principal = principalOf(res);
  if (principal.mayAccess(tenant)) return;
  throw ApiError.single(
    403,
    'err.tenantAccessDenied',
    `User ${JSON.stringify(principal.username)} may not import into tenant ` +
      `${JSON.stringify(tenant)}. Use a tenant the user may access, or ask for access to it.`,
    { fieldName: 'x-leaf-tenant-code', errorValue: tenant },
  );
}

function sourceProblems(
  sourceName: unknown,
  sourceRef: unknown,
  where: string,
): ErrorExplanation[] {
  const problems: ErrorExplanation[] = [];
  for (const [name, value] of [
    ['sourceName', sourceName],
    ['sourceRef', sourceRef],
  ] as const) {
    if (typeof value === 'string' && value !== '') continue;
    const detail =
      where === 'query' && Array.isArray(value)
        ? `was given ${value.length} times; give it once`
        : value === undefined || value === null || value === ''
          ? 'is missing or empty'
          : `is not a string (got ${Array.isArray(value) ? 'an array' : typeof value})`;
    problems.push(
      problem(
        `err.${name}Missing`,
        `${where === 'query' ? 'Query parameter ' : 'Field source.'}${name} ${detail}. ` +
          `Name the batch with a non-empty ${name}.`,
        // Only strings are echoed: an object could be of any size and depth.
        { fieldName: name, errorValue: echoable(value) },
      ),
    );
  }
  return problems;
}

function tenantProblems(req: Request): ErrorExplanation[] {
  const tenant = headerValue(req, 'x-leaf-tenant-code');
  if (typeof tenant === 'string' && tenant !== '') return [];
  return [
    problem(
      'err.tenantCodeMissing',
      `The x-leaf-tenant-code header ${whyMissing(tenant)}. Name the tenant to import into.`,
      { fieldName: 'x-leaf-tenant-code', errorValue: Array.isArray(tenant) ? tenant : null },
    ),
  ];
}

/** The object's own field: `source` comes from untrusted JSON (`__proto__`, `constructor`). */
function ownField(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

function echoable(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return null;
}
