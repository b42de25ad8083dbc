import type { Envelope, ErrorExplanation } from '../../api/wire-types.js';

export function success<T>(data: T): Envelope<T> {
  return { errors: null, validationErrors: null, data };
}

export function failure(problems: readonly ErrorExplanation[]): Envelope<never> {
  return {
    errors: problems.map((problem) => problem.errorCode),
    validationErrors: problems,
    data: null,
  };
}
