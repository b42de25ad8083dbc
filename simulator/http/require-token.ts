import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { TokenRegistry } from '../engine/token-registry.js';
import { ApiError } from './api-error.js';
import { drainRequest } from './drain-request.js';

/** Every endpoint but H-7 needs `x-auth-token` (reference section 1). */
export function requireToken(tokens: TokenRegistry, maxBodyBytes: number): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = req.get('x-auth-token') ?? '';
    if (token !== '' && tokens.accepts(token)) return next();

    await drainRequest(req, maxBodyBytes);
    if (token === '') {
      throw ApiError.single(
        401,
        'err.authTokenMissing',
        'The x-auth-token header is missing. Log in with POST /api/v1/employees/authorise ' +
          'and send the token it returns.',
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
  };
}
