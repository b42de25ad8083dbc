import { ConfigError } from '../errors/config-error.js';
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
}

export interface SimulatorOptions extends SemanticsOptions {
  /** How transient statuses advance. Default `instant`. */
  pace?: Pace;
  /** Code catalogues for data validation. Default: the reference's lists. */
  referenceData?: ReferenceData;
  /** Largest request body accepted, in bytes. Default 64 MiB. */
  maxBodyBytes?: number;
  /** Whether the control API under `/__simulator` is mounted. Default `true`. */
  controlApi?: boolean;
  /** Users for H-7; when set, only their unexpired tokens are accepted. Default: none. */
  users?: readonly SimulatorUser[];
  /** Lifetime of a token issued by H-7 when users are configured. Default one hour. */
  tokenTtlMs?: number;
  /** Source of time and timers. Default: the system clock. */
  clock?: Clock;
}

export interface ResolvedSimulatorOptions {
  readonly pace: Pace;
  readonly semantics: ResolvedSemanticsOptions;
  readonly referenceData: ReferenceData;
  readonly maxBodyBytes: number;
  readonly controlApi: boolean;
  readonly users: readonly SimulatorUser[] | null;
  readonly tokenTtlMs: number;
  readonly clock: Clock;
}

export const DEFAULT_SIMULATOR_OPTIONS = {
  pace: 'instant',
  ...DEFAULT_SEMANTICS_OPTIONS,
  maxBodyBytes: 64 * 1024 * 1024,
  controlApi: true,
  tokenTtlMs: 60 * 60 * 1000,
} as const;

/** Fills in defaults and checks every value once, so the rest of the code trusts them. */
export function resolveSimulatorOptions(options: SimulatorOptions = {}): ResolvedSimulatorOptions {
  const pace = options.pace ?? DEFAULT_SIMULATOR_OPTIONS.pace;
  assertPace(pace);
  const semantics = resolveSemanticsOptions(options);
  assertSemantics(semantics);

  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_SIMULATOR_OPTIONS.maxBodyBytes;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new ConfigError(
      `maxBodyBytes must be a positive whole number of bytes; got ${String(maxBodyBytes)}.`,
    );
  }
  return {
    pace,
    semantics,
    referenceData: options.referenceData ?? DEFAULT_REFERENCE_DATA,
    maxBodyBytes,
    controlApi: options.controlApi ?? DEFAULT_SIMULATOR_OPTIONS.controlApi,
    users: options.users ?? null,
    tokenTtlMs: options.tokenTtlMs ?? DEFAULT_SIMULATOR_OPTIONS.tokenTtlMs,
    clock: options.clock ?? systemClock,
  };
}

export function assertPace(pace: unknown): asserts pace is Pace {
  if (pace === 'instant' || pace === 'step') return;
  if (typeof pace === 'number' && Number.isFinite(pace) && pace >= 0) return;
  throw new ConfigError(
    `pace must be "instant", "step" or a number of milliseconds per transition; ` +
      `got ${JSON.stringify(pace)}.`,
  );
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
