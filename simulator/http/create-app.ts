import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { API_PATHS, CONTROL_PATHS, DESCRIPTION_PATH } from '../../api/endpoints.js';
import { describeSimulator, loadOpenApiDescription } from '../../api/openapi.js';
import type { SimulatorEngine } from '../engine/simulator-engine.js';
import type { TokenRegistry } from '../engine/token-registry.js';
import { ApiError } from './api-error.js';
import { bodyParserRefusal } from './body-errors.js';
import { failure } from './envelope.js';
import { IdempotencyCache } from './idempotency.js';
import { jsonBody } from './json-body.js';
import { requireToken } from './require-token.js';
import { authorise } from './routes/authorise-route.js';
import { controlRoutes } from './routes/control-routes.js';
import { performAction, readStatus } from './routes/process-routes.js';
import { uploadJson, uploadMultipart } from './routes/upload-routes.js';
import { UploadGate } from './upload-gate.js';

/** What a request's life tells the host: for logs, never for the answer. */
export interface RequestEvent {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  readonly requestId: string | null;
  /** The process the request named or the answer created, when there is one. */
  readonly importProcessId: string | null;
}

export interface AppParts {
  readonly engine: SimulatorEngine;
  readonly tokens: TokenRegistry;
  readonly onRequest?: (event: RequestEvent) => void;
  readonly onInternalError?: (error: unknown) => void;
}

/**
 * The HTTP skin over the engine: routes translate requests into engine calls and results
 * into the envelope; nothing here decides semantics.
 */
export function createApp(parts: AppParts): Express {
  const { engine, tokens } = parts;
  const limit = engine.options.maxBodyBytes;
  const idempotency = new IdempotencyCache(engine.options);
  const uploads = new UploadGate(engine.options.maxConcurrentUploads, limit);
  const app = express();
  app.disable('x-powered-by');
  // Answers change with every transition: hashing each one for an ETag only costs time.
  app.set('etag', false);
  app.set('query parser', 'simple');

  // Step 1: every request is timed and reported once it is answered.
  app.use(observe(parts.onRequest));

  // Step 2: the description of what this simulator serves; no token needed.
  app.get(DESCRIPTION_PATH, serveDescription(engine.options.controlApi));

  // Step 3: the public API, each path with its one method.
  const token = requireToken(tokens, limit);
  const once = idempotency.middleware();
  const gate = uploads.middleware();
  // JSON bodies are parsed in memory: they have a limit of their own, below the file limit.
  const json = jsonBody(Math.min(limit, engine.options.maxJsonBodyBytes));
  app.post(API_PATHS.authorise, json, authorise(tokens));
  // A repeated x-request-id waits for, or replays, the first without taking an upload slot.
  app.post(API_PATHS.upload, token, once, gate, uploadMultipart(engine));
  app.post(API_PATHS.uploadJson, token, once, gate, json, uploadJson(engine));
  app.get(API_PATHS.status, token, readStatus(engine));
  app.post(API_PATHS.discard, token, once, performAction(engine, 'discard'));
  app.post(
    API_PATHS.discardRejected,
    token,
    once,
    performAction(engine, 'discard-rejected-entities'),
  );
  app.post(API_PATHS.discardFailed, token, once, performAction(engine, 'discard-failed-entities'));
  app.post(API_PATHS.retry, token, once, performAction(engine, 'retry'));

  // Step 4: the control API, when enabled. Only its own routes read a JSON body, so that a
  // wrong method or an unknown path is answered as such whatever body it carries.
  const gauges = (): Record<string, number> => ({
    uploadsInFlight: uploads.inFlight,
    tokens: tokens.size,
  });
  if (engine.options.controlApi) app.use(controlRoutes(engine, idempotency, json, gauges));

  // Step 5: a known path with another method is 405; anything else is 404.
  const known = [
    DESCRIPTION_PATH,
    ...Object.values(API_PATHS),
    ...(engine.options.controlApi ? Object.values(CONTROL_PATHS) : []),
  ];
  for (const path of known) app.all(path, methodNotAllowed);
  app.use(notFound);
  app.use(errorHandler(parts.onInternalError));
  return app;
}

function observe(onRequest: AppParts['onRequest']): RequestHandler {
  return (req, res, next) => {
    if (onRequest === undefined) return next();
    const started = process.hrtime.bigint();
    // An upload's process id is known only from its answer.
    let answered: string | null = null;
    const send = res.json.bind(res);
    res.json = (body: unknown) => {
      answered = processIdIn(body);
      return send(body);
    };
    res.once('finish', () => {
      onRequest({
        method: req.method,
        path: req.path,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        requestId: req.get('x-request-id') ?? null,
        importProcessId: processIdInPath(req.path) ?? answered,
      });
    });
    next();
  };
}

/** Paths that name a process, as patterns with the id's segment captured. */
const PROCESS_PATHS = [...Object.values(API_PATHS), ...Object.values(CONTROL_PATHS)]
  .filter((path) => path.includes(':importProcessId'))
  .map((path) => new RegExp(`^${path.replace(/:[A-Za-z]+/g, '([^/]+)')}$`));

/** The process id a path names; the router's params are gone by the time a request ends. */
function processIdInPath(path: string): string | null {
  for (const pattern of PROCESS_PATHS) {
    const segment = pattern.exec(path)?.[1];
    if (segment === undefined) continue;
    try {
      return decodeURIComponent(segment);
    } catch {
      return null;
    }
  }
  return null;
}

/** `data.importProcessId` of an envelope, or of its `data.status` (control API). */
function processIdIn(body: unknown): string | null {
  const data = (body as { data?: { importProcessId?: unknown; status?: unknown } } | null)?.data;
  const id =
    data?.importProcessId ??
    (data?.status as { importProcessId?: unknown } | null)?.importProcessId;
  return typeof id === 'string' ? id : null;
}

/** `GET /openapi.json`: the description, rendered on the first request and kept. */
function serveDescription(controlApi: boolean): RequestHandler {
  let body: string | undefined;
  return (_req, res) => {
    body ??= JSON.stringify(describeSimulator(loadOpenApiDescription(), { controlApi }));
    res.status(200).type('application/json').send(body);
  };
}

function methodNotAllowed(req: Request): never {
  throw ApiError.single(
    405,
    'err.httpMethodNotAllowed',
    `${req.method} is not allowed on ${req.path}. See the endpoint table for its method.`,
    { errorValue: req.method },
  );
}

function notFound(req: Request): never {
  throw ApiError.single(404, 'err.resourceNotFound', `No resource at ${req.path}.`, {
    errorValue: req.path,
  });
}

/** Renders refusals as the envelope; anything unexpected becomes a 500 without internals. */
function errorHandler(onInternalError: AppParts['onInternalError']): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, _next) => {
    const refusal = asApiError(error, req);
    if (refusal === null) onInternalError?.(error);
    const answer =
      refusal ??
      ApiError.single(500, 'err.internalError', 'The simulator failed to handle the request.');
    if (res.headersSent) return;
    res.set(answer.headers);
    try {
      res.status(answer.status).json(failure(answer.problems));
    } catch (unserialisable) {
      // A value echoed in the answer could not be rendered: answer without the values.
      onInternalError?.(unserialisable);
      const bare = answer.problems.map((item) => ({ ...item, errorValue: null }));
      res.status(answer.status).json(failure(bare));
    }
  };
}

/** Refusals, and failures that are the client's rather than the simulator's. */
function asApiError(error: unknown, req: Request): ApiError | null {
  if (error instanceof ApiError) return error;
  // The router cannot decode a path segment with broken percent-encoding: it names nothing.
  if (error instanceof URIError) {
    return ApiError.single(
      404,
      'err.resourceNotFound',
      `No resource at ${req.path}: the path is not valid percent-encoding.`,
      { errorValue: req.path },
    );
  }
  // The JSON body parser's failures (too large, not JSON, cut off…) carry a 4xx status.
  return bodyParserRefusal(error, req);
}
