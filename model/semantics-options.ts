/**
 * Options for the points where the reference records a decision rather than a documented
 * fact (section 9). Every field is optional in the public shape; `resolveSemanticsOptions`
 * fills in the defaults from one constant.
 */
export interface SemanticsOptions {
  /**
   * What a full discard from `FAILED` does with entities already created (T-14).
   * Default `keep-created`: they stay. `rollback` removes them from the tenant.
   */
  discardFromFailed?: 'keep-created' | 'rollback';
  /**
   * Whether a reference to an entity in the same file counts as existing (V-7…V-9).
   * Default `false`: only entities created by earlier imports count.
   */
  sameFileReferences?: boolean;
  /**
   * Whether `sourceName` + `sourceRef` must be unique per tenant (H-1).
   * Default `true`: a second upload of the same batch is refused.
   */
  uniqueSourceRef?: boolean;
}

export type ResolvedSemanticsOptions = Required<SemanticsOptions>;

export const DEFAULT_SEMANTICS_OPTIONS: ResolvedSemanticsOptions = {
  discardFromFailed: 'keep-created',
  sameFileReferences: false,
  uniqueSourceRef: true,
};

export function resolveSemanticsOptions(options: SemanticsOptions = {}): ResolvedSemanticsOptions {
  return {
    discardFromFailed: options.discardFromFailed ?? DEFAULT_SEMANTICS_OPTIONS.discardFromFailed,
    sameFileReferences: options.sameFileReferences ?? DEFAULT_SEMANTICS_OPTIONS.sameFileReferences,
    uniqueSourceRef: options.uniqueSourceRef ?? DEFAULT_SEMANTICS_OPTIONS.uniqueSourceRef,
  };
}
