import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { CONTROL_PATHS } from '../../../api/endpoints.js';
import { ENTITY_TYPES } from '../../../model/entity-types.js';
import { toStatusObject } from '../../../model/status-object.js';
import type { SimulatorEngine } from '../../engine/simulator-engine.js';
import { LIMIT_NAMES } from '../../simulator-options.js';
import type { IdempotencyCache } from '../idempotency.js';
import { ApiError, problem } from '../api-error.js';
import { success } from '../envelope.js';

const faultRuleBody = z.strictObject({
  match: z
    .strictObject({ type: z.enum(ENTITY_TYPES).optional(), key: z.string().min(1).optional() })
    .default({}),
  refuse: z.union([z.literal('every'), z.strictObject({ first: z.number().int().positive() })]),
});

const configBody = z.strictObject({
  pace: z.union([z.enum(['instant', 'step']), z.number().nonnegative()]).optional(),
  discardFromFailed: z.enum(['keep-created', 'rollback']).optional(),
  sameFileReferences: z.boolean().optional(),
  uniqueSourceRef: z.boolean().optional(),
});

/** Fault rules kept at most: every send is checked against each of them. */
const MAX_FAULT_RULES = 1_000;

/**
 * The control API under `/__simulator`: what only a simulator can do (reset, fault rules,
 * inspection, stepping). JSON in, the usual envelope out. `gauges` adds what the HTTP layer
 * holds (uploads in flight, tokens) to the stats.
 */
export function controlRoutes(
  engine: SimulatorEngine,
  idempotency: IdempotencyCache,
  readJson: RequestHandler,
  gauges: () => Readonly<Record<string, number>> = () => ({}),
): Router {
  const router = Router();

  router.post(CONTROL_PATHS.reset, (_req, res) => {
    engine.reset();
    idempotency.clear();
    res.status(200).json(success({ reset: true }));
  });

  router.get(CONTROL_PATHS.config, (_req, res) => {
    res.status(200).json(success(runtimeConfig(engine)));
  });
  router.put(CONTROL_PATHS.config, readJson, (req, res) => {
    engine.configure(parse(configBody, req.body, 'config'));
    res.status(200).json(success(runtimeConfig(engine)));
  });

  router.get(CONTROL_PATHS.faults, (_req, res) => {
    res.status(200).json(success({ faults: engine.faults() }));
  });
  router.post(CONTROL_PATHS.faults, readJson, (req, res) => {
    const rule = parse(faultRuleBody, req.body, 'fault rule');
    if (engine.faults().length >= MAX_FAULT_RULES) {
      throw ApiError.single(
        400,
        'err.controlRequestInvalid',
        `The simulator already has ${MAX_FAULT_RULES} fault rules, the most it keeps. ` +
          'Remove them with DELETE /__simulator/faults first.',
      );
    }
    const match = {
      ...(rule.match.type === undefined ? {} : { type: rule.match.type }),
      ...(rule.match.key === undefined ? {} : { key: rule.match.key }),
    };
    res.status(201).json(success(engine.addFault({ match, refuse: rule.refuse })));
  });
  router.delete(CONTROL_PATHS.faults, (_req, res) => {
    engine.clearFaults();
    res.status(200).json(success({ faults: [] }));
  });

  // Every kept process, oldest first, and what the simulator holds: for tests and soak runs
  // that check nothing was created, lost or kept without bound.
  router.get(CONTROL_PATHS.processes, (_req, res) => {
    const processes = engine.list().map((summary) => ({
      ...summary,
      historyDropped: engine.historyDropped(summary.importProcessId),
    }));
    res.status(200).json(success({ processes }));
  });
  router.get(CONTROL_PATHS.stats, (_req, res) => {
    const requestIds = idempotency.stats;
    res.status(200).json(
      success({
        ...engine.stats(),
        requestIds: { remembered: requestIds.remembered, bytes: requestIds.bytes },
        ...gauges(),
        limits: limitsOf(engine),
      }),
    );
  });

  router.get(CONTROL_PATHS.process, (req: Request<{ importProcessId: string }>, res: Response) => {
    const process = engine.inspect(req.params.importProcessId);
    if (process === undefined) throw unknownProcess(req.params.importProcessId);
    res.status(200).json(
      success({
        tenant: process.tenant,
        status: toStatusObject(process),
        technicalError: process.technicalError,
        entities: process.entities.map((entity) => ({
          type: entity.type,
          key: entity.key,
          status: entity.status,
          sends: entity.sends,
          retrySends: entity.retrySends,
          lastSend: entity.lastSend,
          refusal: entity.refusal,
          problems: entity.problems,
        })),
        history: process.history,
      }),
    );
  });

  router.post(CONTROL_PATHS.advance, (req: Request<{ importProcessId: string }>, res: Response) => {
    const outcome = engine.advanceOne(req.params.importProcessId);
    if (outcome === null) throw unknownProcess(req.params.importProcessId);
    res.status(200).json(success(outcome));
  });

  router.get(CONTROL_PATHS.created, (req: Request<{ tenant: string }>, res: Response) => {
    res.status(200).json(success({ entities: engine.created(req.params.tenant) }));
  });

  return router;
}

function limitsOf(engine: SimulatorEngine): Record<string, number> {
  return Object.fromEntries(LIMIT_NAMES.map((name) => [name, engine.options[name]]));
}

function runtimeConfig(engine: SimulatorEngine): Record<string, unknown> {
  return { pace: engine.options.pace, ...engine.options.semantics };
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw new ApiError(
    400,
    result.error.issues.map((issue) =>
      problem(
        'err.controlRequestInvalid',
        `Invalid ${what}: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}.`,
        { fieldName: issue.path.join('.') || null },
      ),
    ),
  );
}

function unknownProcess(id: string): ApiError {
  return ApiError.single(
    404,
    'err.importProcessNotFound',
    `No import process ${JSON.stringify(id)} exists in this simulator.`,
    { fieldName: 'importProcessId', errorValue: id },
  );
}
