import { CONTROL_PATHS, fillPath } from '../api/endpoints.js';
import type { StatusObject } from '../api/wire-types.js';
import type { EntityType } from '../model/entity-types.js';
import type { ApiResponse } from './api-response.js';
import { sendRequest, type Transport } from './send-request.js';

// Optional fields accept `undefined` too: they are sent as JSON, which leaves them out.
export interface FaultRuleSpec {
  readonly match?:
    { readonly type?: EntityType | undefined; readonly key?: string | undefined } | undefined;
  readonly refuse: 'every' | { readonly first: number };
}

export interface SimulatorConfig {
  readonly pace?: 'instant' | 'step' | number | undefined;
  readonly discardFromFailed?: 'keep-created' | 'rollback' | undefined;
  readonly sameFileReferences?: boolean | undefined;
  readonly uniqueSourceRef?: boolean | undefined;
}

export interface CreatedEntityInfo {
  readonly type: EntityType;
  readonly key: string;
  readonly processId: string;
  readonly reference: string | null;
}

export interface ProcessInspection {
  readonly tenant: string;
  readonly status: StatusObject;
  readonly technicalError: string | null;
  readonly entities: ReadonlyArray<{
    readonly type: EntityType;
    readonly key: string;
    readonly status: string;
    readonly sends: number;
    readonly retrySends: number;
    readonly refusal: string | null;
  }>;
  readonly history: ReadonlyArray<{
    transition: string;
    from: string | null;
    to: string;
    at: string;
  }>;
}

/** The client of the simulator's control API under `/__simulator`. */
export class ControlClient {
  readonly #transport: Transport;

  constructor(options: { baseUrl: string; timeoutMs?: number }) {
    this.#transport = { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? 30_000 };
  }

  reset(): Promise<ApiResponse<{ reset: boolean }>> {
    return this.#json('POST', CONTROL_PATHS.reset);
  }

  /** The pace and semantics options in force. */
  readConfig(): Promise<ApiResponse<SimulatorConfig>> {
    return this.#json('GET', CONTROL_PATHS.config);
  }

  configure(config: SimulatorConfig): Promise<ApiResponse<SimulatorConfig>> {
    return this.#json('PUT', CONTROL_PATHS.config, config);
  }

  addFault(rule: FaultRuleSpec): Promise<ApiResponse<{ id: string }>> {
    return this.#json('POST', CONTROL_PATHS.faults, rule);
  }

  clearFaults(): Promise<ApiResponse<unknown>> {
    return this.#json('DELETE', CONTROL_PATHS.faults);
  }

  inspect(id: string): Promise<ApiResponse<ProcessInspection>> {
    return this.#json('GET', fillPath(CONTROL_PATHS.process, { importProcessId: id }));
  }

  advance(id: string): Promise<ApiResponse<{ advanced: boolean; status: StatusObject }>> {
    return this.#json('POST', fillPath(CONTROL_PATHS.advance, { importProcessId: id }));
  }

  created(tenant: string): Promise<ApiResponse<{ entities: CreatedEntityInfo[] }>> {
    return this.#json('GET', fillPath(CONTROL_PATHS.created, { tenant }));
  }

  #json<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    return sendRequest<T>(this.#transport, {
      method,
      path,
      headers: { 'content-type': text === undefined ? undefined : 'application/json' },
      ...(text === undefined ? {} : { body: text, describeBody: text }),
    });
  }
}
