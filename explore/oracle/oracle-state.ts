/**
 * The oracle's picture of the world: what a client of the reference can expect a provider to
 * hold at each moment. Written from `reference/data-import-api.md` alone — nothing here comes
 * from model/ or simulator/ — so that a disagreement with the simulator means something.
 * The state is plain data: a race is predicted by copying it once per order of arrival.
 */
import type { StatusObject, ValidationStatusRow } from '../../api/wire-types.js';

export type ProcessStatus = StatusObject['statusCode'];
export type EntityType = ValidationStatusRow['sourceName'];

/** The four entity types in dependency (dispatch) order, section 4. */
export const TYPES_IN_ORDER: readonly EntityType[] = [
  'PERSON.PERSON',
  'ACCOUNT.ACCOUNT',
  'ACCOUNT.ACCOUNT_TRANSACTION',
  'LOAN.CONTRACT',
];

/** Key field, collection key and code prefix of each type (section 5, section 8). */
export const TYPE_FACTS: Readonly<
  Record<EntityType, { key: string; collection: string; prefix: string; refersTo: Reference }>
> = {
  'PERSON.PERSON': {
    key: 'externalPersonId',
    collection: 'persons',
    prefix: 'person',
    refersTo: null,
  },
  'ACCOUNT.ACCOUNT': {
    key: 'externalAccountId',
    collection: 'accounts',
    prefix: 'account',
    refersTo: { type: 'PERSON.PERSON', field: 'externalPersonId', rule: 'V-7' },
  },
  'ACCOUNT.ACCOUNT_TRANSACTION': {
    key: 'externalAccountTransactionId',
    collection: 'transactions',
    prefix: 'transaction',
    refersTo: { type: 'ACCOUNT.ACCOUNT', field: 'externalAccountId', rule: 'V-8' },
  },
  'LOAN.CONTRACT': {
    key: 'externalContractId',
    collection: 'contracts',
    prefix: 'contract',
    refersTo: { type: 'PERSON.PERSON', field: 'externalPersonId', rule: 'V-9' },
  },
};

type Reference = { type: EntityType; field: string; rule: string } | null;

/** A data-validation problem as a client sees it in `validationErrors`. */
export interface Problem {
  readonly rule: string;
  readonly code: string;
  readonly field: string | null;
}

export type EntityState =
  'PENDING' | 'VALID' | 'INVALID' | 'SENT' | 'CREATED' | 'NOT_CREATED' | 'DISCARDED';

export interface OracleEntity {
  readonly type: EntityType;
  readonly key: string;
  readonly data: Record<string, unknown>;
  state: EntityState;
  problems: Problem[];
  /** Sends to the target API, and those of them made by retries (C-4). */
  sends: number;
  retrySends: number;
  /** The answer to the latest send. */
  last: 'acked' | 'nacked' | null;
}

export interface OracleProcess {
  /** The process name of the scenario, or `#n` for an unnamed upload. */
  readonly handle: string;
  readonly tenant: string;
  /** tenant + sourceName + sourceRef, for the batch claim. */
  readonly batch: string;
  status: ProcessStatus;
  entities: OracleEntity[];
  validated: boolean;
  dispatched: boolean;
  /** Transitions taken, in order, for reports. */
  transitions: string[];
}

/** An entity created in a tenant. */
export interface TenantEntity {
  readonly tenant: string;
  readonly type: EntityType;
  readonly key: string;
  /** Handle of the process that created it. */
  readonly process: string;
  /** The person of an account or contract, the account of a transaction. */
  readonly reference: string | null;
}

export interface OracleFault {
  readonly type?: EntityType | undefined;
  readonly key?: string | undefined;
  readonly refuse: 'every' | { readonly first: number };
  /** Matching sends seen so far. */
  sends: number;
}

/** What a repeated `x-request-id` gets back: the first successful answer (section 1). */
export interface StoredAnswer {
  readonly http: number;
  readonly status: ProcessStatus | null;
  /** The process the first answer was about. */
  readonly process: string | null;
}

export interface OracleOptions {
  readonly sameFileReferences: boolean;
  readonly discardFromFailed: 'keep-created' | 'rollback';
  readonly uniqueSourceRef: boolean;
  readonly catalogues: Catalogues;
}

/** Code lists of examples/README.md (V-1, V-13). */
export interface Catalogues {
  readonly customerType: readonly string[];
  readonly transactionType: readonly string[];
  readonly accountType: readonly string[];
  readonly accountStatus: readonly string[];
  readonly componentType: readonly string[];
}

export const DEFAULT_CATALOGUES: Catalogues = {
  customerType: ['PRIVATE', 'BUSINESS', 'STAFF'],
  transactionType: ['CARD_PUR', 'SEPA_IN', 'SEPA_OUT', 'FEE', 'INTEREST', 'TRANSFER'],
  accountType: ['CURRENCY', 'INTERNAL', 'SAVING', 'SHADOW', 'VIRTUAL'],
  accountStatus: ['ACTIVE', 'BLOCKED', 'CLOSED'],
  componentType: ['PRI', 'INT', 'PRI_P', 'ALIM'],
};

export interface WorldState {
  readonly options: OracleOptions;
  readonly processes: Record<string, OracleProcess>;
  entities: TenantEntity[];
  /** Claimed batches → the handle holding the claim. */
  readonly claims: Record<string, string>;
  readonly faults: OracleFault[];
  readonly answers: Record<string, StoredAnswer>;
  /** Uploads made, for `#n` handles. */
  uploads: number;
}
