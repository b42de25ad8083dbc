import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { API_PATHS, CONTROL_PATHS } from '../../api/endpoints.js';
import type { SimulatorEngine } from '../engine/simulator-engine.js';
import type { TokenRegistry } from '../engine/token-registry.js';
import { ApiError } from './api-error.js';
import { failure } from './envelope.js';
import { IdempotencyCache } from './idempotency.js';
import { requireToken } from './require-token.js';
import { authorise } from './routes/authorise-route.js';
import { controlRoutes } from './routes/control-routes.js';
import { performAction, readStatus } from './routes/process-routes.js';
import { uploadJson, uploadMultipart } from './routes/upload-routes.js';

/** What a request's life tells the host: for logs, never for the answer. */
export interface RequestEvent {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  readonly requestId: string | null;
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
  const idempotency = new IdempotencyCache();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  // Step 1: every request is timed and reported once it is answered.
  app.use(observe(parts.onRequest));

  // Step 2: the public API, each path with its one method.
  const token = requireToken(tokens, limit);
  const once = idempotency.middleware(limit);
  const json = express.json({ limit, type: () => true, strict: false });
  app.post(API_PATHS.authorise, json, authorise(tokens));
  app.post(API_PATHS.upload, token, once, uploadMultipart(engine));
  app.post(API_PATHS.uploadJson, token, once, json, uploadJson(engine));
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

  // Step 3: the control API, when enabled. Only its own routes read a JSON body, so that a
  // wrong method or an unknown path is answered as such whatever body it carries.
  if (engine.options.controlApi) app.use(controlRoutes(engine, idempotency, json));

  // Step 4: a known path with another method is 405; anything else is 404.
  const known = [
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
    res.once('finish', () => {
      onRequest({
        method: req.method,
        path: req.path,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        requestId: req.get('x-request-id') ?? null,
      });
    });
    next();
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
    res.status(answer.status).json(failure(answer.problems));
  };
}

/** Body-parser failures arrive as errors with a `type`; they are the client's, not ours. */
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
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') {
    return ApiError.single(
      413,
      'err.importFileTooLarge',
      `The request body is larger than the limit of ${String((error as { limit?: unknown }).limit)} bytes.`,
    );
  }
  if ((typeof type === 'string' && type.startsWith('entity.')) || type === 'charset.unsupported') {
    const code =
      req.path === API_PATHS.authorise
        ? 'err.credentialsMissing'
        : req.path === API_PATHS.uploadJson
          ? 'err.requestJsonInvalid'
          : 'err.controlRequestInvalid';
    return ApiError.single(400, code, 'The body is not valid JSON. Send a JSON object.');
  }
  return null;
}
