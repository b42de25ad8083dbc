import type { Request, Response } from 'express';
import type { ErrorExplanation } from '../../../api/wire-types.js';
import type { ImportUpload } from '../../../model/import-process.js';
import type { SimulatorEngine } from '../../engine/simulator-engine.js';
import { ApiError, problem } from '../api-error.js';
import { success } from '../envelope.js';
import { readSinglePart } from '../read-single-part.js';
import { queryValue } from '../request-headers.js';

/** H-1: `POST /api/v2/import`, a multipart upload with the batch named in the query. */
export function uploadMultipart(engine: SimulatorEngine) {
  return async (req: Request, res: Response): Promise<void> => {
    // Step 1: read the body first, so every answer comes after the whole upload.
    let bytes: Uint8Array | null = null;
    let bodyError: ApiError | null = null;
    try {
      bytes = await readSinglePart(req, engine.options.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 413) throw error;
      bodyError = error;
    }

    // Step 2: report every problem of the request together.
    const problems = [
      ...sourceProblems(queryValue(req, 'sourceName'), queryValue(req, 'sourceRef'), 'query'),
      ...tenantProblems(req),
      ...(bodyError?.problems ?? []),
    ];
    if (problems.length > 0 || bytes === null) throw new ApiError(400, problems);

    create(
      engine,
      req,
      res,
      { kind: 'bytes', bytes },
      {
        sourceName: String(queryValue(req, 'sourceName')),
        sourceRef: String(queryValue(req, 'sourceRef')),
      },
    );
  };
}

/** H-8: `POST /api/v1/import/sample`, the JSON variant; `source` names the batch. */
export function uploadJson(engine: SimulatorEngine) {
  return (req: Request, res: Response): void => {
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
    const sourceName = (fields as Record<string, unknown>)['sourceName'];
    const sourceRef = (fields as Record<string, unknown>)['sourceRef'];

    const problems = [...sourceProblems(sourceName, sourceRef, 'source'), ...tenantProblems(req)];
    if (problems.length > 0) throw new ApiError(400, problems);

    create(
      engine,
      req,
      res,
      { kind: 'document', document },
      {
        sourceName: String(sourceName),
        sourceRef: String(sourceRef),
      },
    );
  };
}

function create(
  engine: SimulatorEngine,
  req: Request,
  res: Response,
  upload: ImportUpload,
  batch: { sourceName: string; sourceRef: string },
): void {
  const outcome = engine.upload({ tenant: req.get('x-leaf-tenant-code') ?? '', ...batch, upload });
  if (!outcome.ok) {
    throw ApiError.single(400, outcome.code, outcome.message, {
      fieldName: 'sourceRef',
      errorValue: batch.sourceRef,
    });
  }
  res.status(202).json(success(outcome.status));
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
    const detail = Array.isArray(value)
      ? `was given ${value.length} times; give it once`
      : 'is missing or empty';
    problems.push(
      problem(
        `err.${name}Missing`,
        `${where === 'query' ? 'Query parameter ' : 'Field source.'}${name} ${detail}. ` +
          `Name the batch with a non-empty ${name}.`,
        { fieldName: name, errorValue: value ?? null },
      ),
    );
  }
  return problems;
}

function tenantProblems(req: Request): ErrorExplanation[] {
  const tenant = req.get('x-leaf-tenant-code') ?? '';
  if (tenant !== '') return [];
  return [
    problem(
      'err.tenantCodeMissing',
      'The x-leaf-tenant-code header is missing or empty. Name the tenant to import into.',
      { fieldName: 'x-leaf-tenant-code' },
    ),
  ];
}
