import type { ErrorExplanation } from '../../api/wire-types.js';

/**
 * A refused request: the HTTP status and one explanation per problem. Routes throw it; the
 * error handler renders it as the envelope of reference section 11.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problems: readonly ErrorExplanation[];
  /** Headers the answer carries besides the envelope, e.g. `Retry-After`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    problems: readonly ErrorExplanation[],
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(problems.map((problem) => problem.errorCode).join(', '));
    this.name = 'ApiError';
    this.status = status;
    this.problems = problems;
    this.headers = headers;
  }

  static single(
    status: number,
    errorCode: string,
    errorMessage: string,
    details: { fieldName?: string | null; errorValue?: unknown } = {},
  ): ApiError {
    return new ApiError(status, [problem(errorCode, errorMessage, details)]);
  }
}

export function problem(
  errorCode: string,
  errorMessage: string,
  details: { fieldName?: string | null; errorValue?: unknown } = {},
): ErrorExplanation {
  return {
    fieldName: details.fieldName ?? null,
    errorCode,
    errorValue: details.errorValue ?? null,
    errorMessage,
  };
}
