/**
 * A data-validation problem found on one entity. The rule id is kept for reports and the
 * control API; the status object shows the other fields in the documented item shape.
 */
export interface ValidationProblem {
  /** Rule id of the reference, `V-1` … `V-13`. */
  readonly rule: string;
  /** Path of the field in the entity, e.g. `addresses[0].countryCode`. */
  readonly fieldName: string | null;
  /** `err.*` code. */
  readonly errorCode: string;
  /** The offending value as found (null when missing). */
  readonly errorValue: unknown;
  /** One readable sentence. */
  readonly errorMessage: string;
}

/** The one empty list of problems, shared by every entity that has none. */
export const NO_PROBLEMS: readonly ValidationProblem[] = Object.freeze([]);
