import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Principal, TokenRegistry } from '../engine/token-registry.js';
import { ApiError } from './api-error.js';
import { drainRequest } from './drain-request.js';
import { headerValue, whyMissing } from './request-headers.js';

/** Every endpoint but H-7 needs `x-auth-token` (reference section 1). */
export function requireToken(tokens: TokenRegistry, maxBodyBytes: number): RequestHandler {
  // Synchronous when the token is accepted: every status read passes here, and an async
  // handler would cost each of them a promise.
  return (req: Request, res: Response, next: NextFunction) => {
    const token = headerValue(req, 'x-auth-token');
    const principal = typeof token === 'string' ? tokens.principal(token) : null;
    if (principal !== null) {
      res.locals['principal'] = principal;
      return next();
    }
    return refuse(req, token, maxBodyBytes);
  };
}

/** Reads the rest of the request, then refuses it with 401. */
async function refuse(
  req: Request,
  token: string | string[] | undefined,
  maxBodyBytes: number,
): Promise<never> {
  await drainRequest(req, maxBodyBytes);
  if (typeof token !== 'string' || token === '') {
    throw ApiError.single(
      401,
      'err.authTokenMissing',
      `The x-auth-token header ${Array.isArray(token) ? whyMissing(token) : 'is missing'}. ` +
        'Log in with POST ' +
        '/api/v1/employees/authorise and send the token it returns.',
      { fieldName: 'x-auth-token' },
    );
  }
  throw ApiError.single(
    401,
    'err.authTokenInvalid',
    'The x-auth-token is unknown or expired. Log in again with POST ' +
      '/api/v1/employees/authorise.',
    { fieldName: 'x-auth-token' },
  );
}

/** Nobody: what a route sees if no token was checked, so a missing check fails closed. */
const NOBODY: Principal = { username: null, mayAccess: () => false };

/** Who sent the request, as `requireToken` found. */
export function principalOf(res: Response): Principal {
  const principal = res.locals['principal'] as Principal | undefined;
  return principal ?? NOBODY;
}
