/**
 * What a row of docs/bad-input.md is to the tests, and the simulator setting they run in:
 * the tenant watched for changes, the tenant of the malformed requests, and the limits.
 */

export const FIXTURES = 'fixtures';
export const BAD = 'bad';
export const MIB = 1024 * 1024;

/** Smaller than the defaults, so that the oversize rows stay fast (see docs/bad-input.md). */
export const LIMITS = {
  maxBodyBytes: 4 * MIB,
  maxEntitiesPerFile: 1_000,
  maxValuesPerEntity: 5_000,
  maxValidationReportBytes: 1 * MIB,
};

export type Outcome = 'ERROR' | 'DONE' | 'REJECTED';

export interface Row {
  readonly id: string;
  readonly name: string;
  readonly send: (url: string) => Promise<{ status: number; body: unknown }>;
  /** A refusal: its status and codes. */
  readonly refused?: { readonly status: number; readonly codes: readonly string[] };
  /** An accepted file: how its process ends, and the reason of an ERROR. */
  readonly accepted?: { readonly outcome: Outcome; readonly reason?: RegExp };
  readonly also?: (answer: { status: number; body: unknown; headers?: unknown }) => void;
}

/** A row answered with a refusal: its status and codes. */
export const refusal = (status: number, ...codes: string[]) => ({ refused: { status, codes } });

/** A row whose file is accepted: how its process ends, and the reason of an ERROR. */
export const ends = (outcome: Outcome, reason?: RegExp) => ({
  accepted: reason === undefined ? { outcome } : { outcome, reason },
});
