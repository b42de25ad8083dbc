import type { Request, Response } from 'express';
import type { TokenRegistry } from '../../engine/token-registry.js';
import { ApiError } from '../api-error.js';
import { success } from '../envelope.js';

/** H-7: `POST /api/v1/employees/authorise` with `{"username", "password"}`. */
export function authorise(tokens: TokenRegistry) {
  return (req: Request, res: Response): void => {
    const body: unknown = req.body;
    const fields =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const { username, password } = fields;
    // An empty string names no one, as an absent field does.
    if (
      typeof username !== 'string' ||
      typeof password !== 'string' ||
      username === '' ||
      password === ''
    ) {
      throw ApiError.single(
        400,
        'err.credentialsMissing',
        'The body must be JSON {"username": "…", "password": "…"} with both fields non-empty strings.',
      );
    }
    const token = tokens.issue(username, password);
    if (token === null) {
      throw ApiError.single(401, 'err.credentialsInvalid', 'The username or password is wrong.', {
        fieldName: 'username',
        errorValue: username,
      });
    }
    res.status(200).json(success({ token }));
  };
}
