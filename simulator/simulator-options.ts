import { accessSync, constants, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { ConfigError } from '../errors/config-error.js';
import { DEFAULT_READ_LIMITS } from '../model/import-file/read-limits.js';
import { DEFAULT_REFERENCE_DATA, type ReferenceData } from '../model/reference-data.js';
import {
  DEFAULT_SEMANTICS_OPTIONS,
  resolveSemanticsOptions,
  type ResolvedSemanticsOptions,
  type SemanticsOptions,
} from '../model/semantics-options.js';
import { systemClock, type Clock } from './engine/clock.js';

/**
 * How transient statuses advance (reference section 6): `instant` runs a process to its next
 * suspended or final status before the next request is answered; `step` advances it by one
 * transition on each status read; a number waits that many milliseconds per transition.
 */
export type Pace = 'instant' | 'step' | number;

/** A user that may log in with H-7 when users are configured. */
export interface SimulatorUser {
  readonly username: string;
  readonly password: string;
  /**
   * The tenants whose processes the user may see and import into; `*` stands for every
   * tenant. Default: every tenant.
   */
  readonly tenants?: readonly string[];
}

/**
 * What the simulator holds at most, so that a long-running instance shared by many clients
 * keeps its memory bounded. Every value is a positive whole number; the defaults are in
 * `DEFAULT_SIMULATOR_OPTIONS`.
 */
export interface SimulatorLimits {
  /** Largest request body, in bytes (413 `err.importFileTooLarge`). */
  readonly maxBodyBytes: number;
  /**
   * Largest JSON body (H-8, H-7, the control API), which is parsed in memory rather than
   * streamed; at most `maxBodyBytes` applies. Large files go through H-1.
   */
  readonly maxJsonBodyBytes: number;
  /** Entities in one import file; more ends the process in `ERROR`. */
  readonly maxEntitiesPerFile: number;
  /** Levels of objects and arrays inside one entity; deeper ends the process in `ERROR`. */
  readonly maxNestingDepth: number;
  /** JSON values (objects, arrays, strings, numbers…) in one entity; more is `ERROR`. */
  readonly maxValuesPerEntity: number;
  /**
   * Bytes of `validationErrors` that a file's own fields may produce (each item echoes the
   * entity's key and `source`); more ends the process in `ERROR`.
   */
  readonly maxValidationReportBytes: number;
  /** Processes kept; the final ones that ended longest ago are forgotten first. */
  readonly maxProcesses: number;
  /** Bytes of the import files of the processes kept. */
  readonly maxStoredBytes: number;
  /** Entities created across all tenants; further uploads are refused (429). */
  readonly maxCreatedEntities: number;
  /** Uploads (H-1, H-8) handled at the same time; more are refused (429 with Retry-After). */
  readonly maxConcurrentUploads: number;
  /** `x-request-id` answers remembered; the oldest are forgotten first. */
  readonly maxRequestIds: number;
  /** Bytes of the `x-request-id` answers remembered; the oldest are forgotten first. */
  readonly maxRequestIdBytes: number;
  /** Tokens issued by H-7 that are remembered; the oldest are forgotten first. */
  readonly maxTokens: number;
  /** Entries of a process's transition history; older ones are dropped (counted). */
  readonly maxHistoryEntries: number;
}

export type LimitName = keyof SimulatorLimits;

export interface SimulatorOptions extends SemanticsOptions, Partial<SimulatorLimits> {
  /** How transient statuses advance. Default `instant`. */
  pace?: Pace;
  /** Code catalogues for data validation. Default: the reference's lists. */
  referenceData?: ReferenceData;
  /** Interface to listen on. Default `127.0.0.1`. It decides whether the control API is on. */
  host?: string;
  /**
   * Whether the control API under `/__simulator` is mounted. Default: yes when `host` is a
   * loopback address, no otherwise (it can reset and inspect every tenant).
   */
  controlApi?: boolean;
  /** Users for H-7; when set, only their unexpired tokens are accepted. Default: none. */
  users?: readonly SimulatorUser[];
  /** Lifetime of a token issued by H-7 when users are configured. Default one hour. */
  tokenTtlMs?: number;
  /** Source of time and timers. Default: the system clock. */
  clock?: Clock;
  /**
   * Bytes of an uploaded file held in memory; a larger file is written to `spoolDirectory`
   * as it arrives and read from there as a stream. Default 1 MiB; 0 spools every file.
   */
  memoryUploadBytes?: number;
  /** Where spooled uploads wait to be read. Default: the system's temporary folder. */
  spoolDirectory?: string;
}

export interface ResolvedSimulatorOptions extends SimulatorLimits {
  readonly pace: Pace;
  readonly semantics: ResolvedSemanticsOptions;
  readonly referenceData: ReferenceData;
  readonly host: string;
  readonly controlApi: boolean;
  readonly users: readonly SimulatorUser[] | null;
  readonly tokenTtlMs: number;
  readonly clock: Clock;
  readonly memoryUploadBytes: number;
  readonly spoolDirectory: string | undefined;
}

const MIB = 1024 * 1024;
const MAX_PACE = 2_147_483_647;
const GIB = 1024 * MIB;

/** Every default of the simulator, in one place. */
export const DEFAULT_SIMULATOR_OPTIONS = {
  pace: 'instant',
  ...DEFAULT_SEMANTICS_OPTIONS,
  host: '127.0.0.1',
  /** Mounted when the simulator listens on a loopback address only. */
  controlApi: 'on loopback only',
  tokenTtlMs: 60 * 60 * 1000,
  memoryUploadBytes: 1 * MIB,
  maxBodyBytes: 1 * GIB,
  maxJsonBodyBytes: 64 * MIB,
  ...DEFAULT_READ_LIMITS,
  maxProcesses: 10_000,
  maxStoredBytes: 2 * GIB,
  maxCreatedEntities: 2_000_000,
  maxConcurrentUploads: 16,
  maxRequestIds: 10_000,
  maxRequestIdBytes: 64 * MIB,
  maxTokens: 10_000,
  maxHistoryEntries: 1_000,
} as const;

/** The names of the limits, in the order the documentation lists them. */
export const LIMIT_NAMES: readonly LimitName[] = [
  'maxBodyBytes',
  'maxJsonBodyBytes',
  'maxEntitiesPerFile',
  'maxNestingDepth',
  'maxValuesPerEntity',
  'maxValidationReportBytes',
  'maxProcesses',
  'maxStoredBytes',
  'maxCreatedEntities',
  'maxConcurrentUploads',
  'maxRequestIds',
  'maxRequestIdBytes',
  'maxTokens',
  'maxHistoryEntries',
];

/** Fills in defaults and checks every value once, so the rest of the code trusts them. */
export function resolveSimulatorOptions(options: SimulatorOptions = {}): ResolvedSimulatorOptions {
  // Step 1: pace and the semantics options of the reference.
  const pace = options.pace ?? DEFAULT_SIMULATOR_OPTIONS.pace;
  assertPace(pace);
  const semantics = resolveSemanticsOptions(options);
  assertSemantics(semantics);

  // Step 2: the limits; the store must be able to keep at least one largest file.
  const limits = resolveLimits(options);

  // Step 3: who may do what. The control API can reset and inspect every tenant, so it is
  // only on by default when nobody but this machine can reach it.
  const host = options.host ?? DEFAULT_SIMULATOR_OPTIONS.host;
  if (typeof host !== 'string' || host === '') {
    throw new ConfigError(
      `host must be a non-empty interface name or address; got ${JSON.stringify(host)}.`,
    );
  }
  const tokenTtlMs = options.tokenTtlMs ?? DEFAULT_SIMULATOR_OPTIONS.tokenTtlMs;
  assertPositiveWhole('tokenTtlMs', tokenTtlMs);

  // Step 4: where large uploads wait to be read.
  const memoryUploadBytes =
    options.memoryUploadBytes ?? DEFAULT_SIMULATOR_OPTIONS.memoryUploadBytes;
  if (!Number.isSafeInteger(memoryUploadBytes) || memoryUploadBytes < 0) {
    throw new ConfigError(
      `memoryUploadBytes must be a whole number of bytes, 0 or more; ` +
        `got ${JSON.stringify(memoryUploadBytes)}.`,
    );
  }

  return {
    pace,
    semantics,
    referenceData: options.referenceData ?? DEFAULT_REFERENCE_DATA,
    ...limits,
    host,
    controlApi: options.controlApi ?? isLoopbackHost(host),
    users: options.users === undefined ? null : checkUsers(options.users),
    tokenTtlMs,
    clock: options.clock ?? systemClock,
    memoryUploadBytes,
    spoolDirectory: checkSpoolDirectory(options.spoolDirectory),
  };
}

/** Whether only this machine can reach an interface: `localhost`, 127.0.0.0/8 or `::1`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) {
    return bare === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(bare) || /^::ffff:127\./.test(bare);
  }
  return false;
}

/** Whether the user may see and import into the tenant. */
export function userMayAccess(user: SimulatorUser, tenant: string): boolean {
  return user.tenants === undefined || user.tenants.includes('*') || user.tenants.includes(tenant);
}

export function assertPace(pace: unknown): asserts pace is Pace {
  if (pace === 'instant' || pace === 'step') return;
  // Timers cannot wait longer than 2^31 - 1 ms; a longer one would fire at once.
  if (typeof pace === 'number' && Number.isFinite(pace) && pace >= 0 && pace <= MAX_PACE) return;
  throw new ConfigError(
    `pace must be "instant", "step" or a number of milliseconds per transition from 0 to ` +
      `${MAX_PACE}; got ${JSON.stringify(pace)}.`,
  );
}

function resolveLimits(options: SimulatorOptions): SimulatorLimits {
  const limits = Object.fromEntries(
    LIMIT_NAMES.map((name) => {
      const value = options[name] ?? DEFAULT_SIMULATOR_OPTIONS[name];
      assertPositiveWhole(name, value);
      return [name, value];
    }),
  ) as Record<LimitName, number>;

  // Without an explicit store size, a larger body limit raises it: one file must fit.
  if (options.maxStoredBytes === undefined) {
    limits.maxStoredBytes = Math.max(limits.maxStoredBytes, limits.maxBodyBytes);
  }
  if (limits.maxStoredBytes < limits.maxBodyBytes) {
    throw new ConfigError(
      `maxStoredBytes (${limits.maxStoredBytes}) must be at least maxBodyBytes ` +
        `(${limits.maxBodyBytes}), or no upload of the largest size could ever be kept. ` +
        'Raise maxStoredBytes or lower maxBodyBytes.',
    );
  }
  return limits;
}

/** A spool folder must exist and be a folder the simulator can write to. */
function checkSpoolDirectory(folder: string | undefined): string | undefined {
  if (folder === undefined) return undefined;
  try {
    if (!statSync(folder).isDirectory()) throw new Error('it is not a folder');
    accessSync(folder, constants.W_OK);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ConfigError(
      `spoolDirectory ${JSON.stringify(folder)} cannot hold uploads (${why}). Name an ` +
        'existing folder the simulator may write to, or leave it out to use the system one.',
    );
  }
  return folder;
}

function assertPositiveWhole(name: string, value: unknown): void {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return;
  throw new ConfigError(`${name} must be a positive whole number; got ${JSON.stringify(value)}.`);
}

function assertSemantics(semantics: ResolvedSemanticsOptions): void {
  if (!['keep-created', 'rollback'].includes(semantics.discardFromFailed)) {
    throw new ConfigError(
      `discardFromFailed must be "keep-created" or "rollback"; ` +
        `got ${JSON.stringify(semantics.discardFromFailed)}.`,
    );
  }
  for (const name of ['sameFileReferences', 'uniqueSourceRef'] as const) {
    if (typeof semantics[name] !== 'boolean') {
      throw new ConfigError(
        `${name} must be true or false; got ${JSON.stringify(semantics[name])}.`,
      );
    }
  }
}

/** Users need a name, a password and, if given, a non-empty list of tenants; names are unique. */
function checkUsers(users: readonly SimulatorUser[]): readonly SimulatorUser[] {
  const names = new Set<string>();
  for (const [index, user] of users.entries()) {
    const where = `users[${index}]`;
    if (typeof user.username !== 'string' || user.username === '') {
      throw new ConfigError(`${where}.username must be a non-empty string.`);
    }
    if (typeof user.password !== 'string' || user.password === '') {
      throw new ConfigError(`${where}.password must be a non-empty string.`);
    }
    const tenants: unknown = user.tenants;
    const validTenants =
      tenants === undefined ||
      (Array.isArray(tenants) &&
        tenants.length > 0 &&
        tenants.every((tenant) => typeof tenant === 'string' && tenant !== ''));
    if (!validTenants) {
      throw new ConfigError(
        `${where}.tenants must be a non-empty list of tenant codes, or ["*"] for every tenant.`,
      );
    }
    if (names.has(user.username)) {
      throw new ConfigError(`${where}.username ${JSON.stringify(user.username)} appears twice.`);
    }
    names.add(user.username);
  }
  return users;
}
