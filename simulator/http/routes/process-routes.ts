import type { Request, Response } from 'express';
import type { Action } from '../../../model/apply-action.js';
import type { AccessScope, SimulatorEngine } from '../../engine/simulator-engine.js';
import { ApiError } from '../api-error.js';
import { success } from '../envelope.js';
import { requestedTenant } from '../request-headers.js';
import { principalOf } from '../require-token.js';

/** H-2: `GET /api/v1/import/status/{importProcessId}`. */
export function readStatus(engine: SimulatorEngine) {
  return (req: Request<{ importProcessId: string }>, res: Response): void => {
    const id = req.params.importProcessId;
    const status = engine.read(id, scopeOf(req, res));
    if (status === null) throw notFound(id);
    res.status(200).json(success(status));
  };
}

/** H-3 … H-6: the four actions on a suspended process. */
export function performAction(engine: SimulatorEngine, action: Action) {
  return (req: Request<{ importProcessId: string }>, res: Response): void => {
    const id = req.params.importProcessId;
    const outcome = engine.act(id, action, scopeOf(req, res));
    if (outcome.kind === 'not-found') throw notFound(id);
    if (outcome.kind === 'refused') {
      throw ApiError.single(400, outcome.refusal.code, outcome.refusal.message, {
        fieldName: 'statusCode',
        errorValue: outcome.refusal.status,
      });
    }
    res.status(200).json(success(outcome.status));
  };
}

/**
 * The processes a request may see: those of the tenant it names, if it names one, among those
 * of the tenants its user may access. Any other answers as unknown (404), with no hint.
 */
function scopeOf(req: Request, res: Response): AccessScope {
  const principal = principalOf(res);
  return { tenant: requestedTenant(req), mayAccess: (tenant) => principal.mayAccess(tenant) };
}

function notFound(id: string): ApiError {
  return ApiError.single(
    404,
    'err.importProcessNotFound',
    `No import process ${JSON.stringify(id)} exists for this tenant. Use the ` +
      'importProcessId returned by the upload.',
    { fieldName: 'importProcessId', errorValue: id },
  );
}
