/** The simulator's limits on what one import file may hold, checked as it is read. */
export interface ReadLimits {
  readonly maxEntitiesPerFile: number;
  /** Levels of objects and arrays in one entity. */
  readonly maxNestingDepth: number;
  /** JSON values in one entity. */
  readonly maxValuesPerEntity: number;
  /** Bytes of `validationErrors` that the entities' own fields may produce. */
  readonly maxValidationReportBytes: number;
}

/**
 * The defaults, also what the model applies when given no limits. They exist because the
 * status object echoes entities (`originalSource`, `errorValue`, the key) once per validation
 * error: without them a small file could make every status read build gigabytes, or nest
 * too deep to serialise.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxEntitiesPerFile: 2_000_000,
  maxNestingDepth: 32,
  maxValuesPerEntity: 10_000,
  maxValidationReportBytes: 32 * 1024 * 1024,
};
