/**
 * The abstract shape of a generated case, before it is turned into a scenario. Plans refer to
 * keys, processes and earlier steps by small indices that are resolved when the case is
 * built, so any plan that fast-check shrinks to is still a buildable case.
 */
import type { ActionName } from '../../client/import-api-client.js';
import type { EntityType } from './entity-defect.js';

type Data = Record<string, unknown>;

/** An entity's key: a new one, or one already used in the case (V-6, V-10). */
export type KeyChoice =
  { readonly kind: 'new' } | { readonly kind: 'reuse'; readonly index: number };

/**
 * What an account, transaction or contract refers to: an entity the tenant holds when the
 * file is uploaded, one of an earlier file (created or not), one of the same file, or one
 * that exists nowhere (V-7…V-9).
 */
export interface ReferenceChoice {
  readonly kind: 'existing' | 'earlier' | 'same-file' | 'unknown';
  readonly index: number;
}

export interface EntityPlan {
  readonly type: EntityType;
  /** A valid entity; its key and reference are set when the case is built. */
  readonly body: Data;
  readonly key: KeyChoice;
  readonly reference: ReferenceChoice;
  /** An entity defect id (entity-defect.ts), or null for a valid entity. */
  readonly defect: string | null;
}

export interface FilePlan {
  readonly entities: readonly EntityPlan[];
  /** Collections of an object, or a bare array typed by key fields. */
  readonly shape: 'collections' | 'bare-array';
  /** H-1 (multipart) or H-8 (JSON body). */
  readonly via: 'multipart' | 'json';
  /** A technical defect id (technical-defects.ts), or null. */
  readonly technical: string | null;
}

/** Entities the tenant holds before the steps, imported by `given` files. */
export interface GivenPlan {
  readonly persons: readonly Data[];
  /** Each account with the index of its given person. */
  readonly accounts: ReadonlyArray<{ readonly body: Data; readonly person: number }>;
  readonly transactions: ReadonlyArray<{ readonly body: Data; readonly account: number }>;
  readonly contracts: ReadonlyArray<{ readonly body: Data; readonly person: number }>;
}

export interface FaultPlan {
  readonly type: EntityType | null;
  /** Index of a key of the type (or of persons when no type is named); null for any key. */
  readonly key: number | null;
  readonly refuse: 'every' | { readonly first: number };
}

/** An action, or the one the process's status allows (`allowed`), chosen by `pick`. */
export interface ActionChoice {
  readonly action: ActionName | 'allowed';
  readonly pick: number;
}

/**
 * How an upload request differs from the usual: it breaks a rule of section 11, or it goes
 * to another tenant, whose entities the case's tenant must not see.
 */
export type RequestFlaw = 'none' | 'no-token' | 'no-tenant' | 'no-source-ref' | 'other-tenant';

export type StepPlan =
  | {
      readonly kind: 'upload';
      readonly file: FilePlan;
      /** Index of an earlier upload whose batch (sourceRef) this one uses again. */
      readonly sameBatchAs: number | null;
      readonly requestId: boolean;
      readonly flaw: RequestFlaw;
    }
  /** The same x-request-id as an earlier upload that sent one. */
  | { readonly kind: 'repost-upload'; readonly of: number }
  | {
      readonly kind: 'read';
      readonly process: number;
      readonly as: 'owner' | 'other-tenant' | 'no-token';
    }
  | { readonly kind: 'read-unknown' }
  | {
      readonly kind: 'act';
      readonly process: number;
      readonly choice: ActionChoice;
      readonly requestId: boolean;
      readonly as: 'owner' | 'other-tenant';
    }
  /** The same action and x-request-id as an earlier action that sent one. */
  | { readonly kind: 'repost-act'; readonly of: number }
  | { readonly kind: 'race'; readonly process: number; readonly choices: readonly ActionChoice[] };

export interface CasePlan {
  readonly semantics: {
    readonly sameFileReferences: boolean;
    readonly discardFromFailed: 'keep-created' | 'rollback';
  };
  readonly given: GivenPlan;
  readonly faults: readonly FaultPlan[];
  readonly steps: readonly StepPlan[];
}
