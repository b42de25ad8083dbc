import type { StatusObject } from '../../api/wire-types.js';
import type { ActionRefusal } from '../../model/apply-action.js';
import type { FaultRule } from '../../model/fault-rule.js';
import type { ImportUpload } from '../../model/import-process.js';
import type { SemanticsOptions } from '../../model/semantics-options.js';
import type { ProcessStatus, StatusKind } from '../../model/statuses.js';
import type { Pace } from '../simulator-options.js';

/** What the engine takes and gives: its inputs, outcomes and the figures it reports. */

export interface UploadInput {
  readonly tenant: string;
  readonly sourceName: string;
  readonly sourceRef: string;
  readonly upload: ImportUpload;
  /** Size of the uploaded file in bytes, for the store's limit. */
  readonly bytes: number;
}

export type UploadRefusalCode =
  'err.importSourceRefExists' | 'err.processLimitReached' | 'err.storageLimitReached';

export type UploadOutcome =
  | { readonly ok: true; readonly status: StatusObject }
  | {
      readonly ok: false;
      readonly code: UploadRefusalCode;
      readonly message: string;
      /** For refusals that go away by themselves: how long to wait before trying again. */
      readonly retryAfterSeconds: number | null;
    };

export type ActionOutcome =
  | { readonly kind: 'done'; readonly status: StatusObject }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'refused'; readonly refusal: ActionRefusal };

/** Which processes a request may see: the tenant it names, and the tenants of its user. */
export interface AccessScope {
  /** The tenant the request names (`x-leaf-tenant-code`), if any. */
  readonly tenant?: string | undefined;
  /** Whether the caller may see processes of a tenant. Default: every tenant. */
  readonly mayAccess?: ((tenant: string) => boolean) | undefined;
}

export interface FaultRuleInput {
  readonly match: FaultRule['match'];
  readonly refuse: FaultRule['refuse'];
}

/** One kept process, as the control API lists it. */
export interface ProcessSummary {
  readonly importProcessId: string;
  readonly tenant: string;
  readonly statusCode: ProcessStatus;
}

/** What the engine holds, for the control API and for checking that memory stays flat. */
export interface EngineStats {
  readonly processes: Readonly<Record<StatusKind, number>> & { readonly total: number };
  readonly storedBytes: number;
  readonly createdEntities: number;
  readonly batchClaims: number;
  readonly pendingTransitions: number;
  readonly faultRules: number;
}

/** What the simulator can change at run time through the control API. */
export type RuntimeConfig = {
  [K in keyof (SemanticsOptions & { pace?: Pace })]?:
    (SemanticsOptions & { pace?: Pace })[K] | undefined;
};
