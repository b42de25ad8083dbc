/**
 * Base of every error the harness raises on purpose. `code` is stable and literal, so
 * callers and the CLI can tell failures apart without parsing messages.
 */
export abstract class HarnessError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export function isHarnessError(error: unknown): error is HarnessError {
  return error instanceof HarnessError;
}
