import type { Path, TemplateHeaders, TemplateQuery } from '@pact-foundation/pact';
import type { ApiResponse } from '../../client/api-response.js';
import type { ImportApiClient } from '../../client/import-api-client.js';
import type { ProcessStatus } from '../../model/statuses.js';
import type { StateName } from '../provider-states/state-catalogue.js';

/** A provider state the interaction starts from, with its parameters (section 12). */
export interface GivenState {
  readonly name: StateName;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The request as the contract states it: exact values, or matchers where values vary. */
export interface ContractRequest {
  readonly method: 'GET' | 'POST';
  readonly path: Path;
  readonly query?: TemplateQuery;
  readonly headers?: TemplateHeaders;
  /** `multipart`: the example upload of upload-example.ts. */
  readonly body?: { readonly json: unknown } | 'multipart';
}

/** What the typed client must make of the mock provider's answer. */
export interface ClientReading {
  readonly http: number;
  readonly status?: ProcessStatus;
  readonly errors?: readonly string[];
}

/**
 * One interaction of the consumer contract: the state it starts from, the request and the
 * answer the contract promises, and how the harness's client sends it and reads the answer.
 */
export interface ConsumerInteraction {
  /** The interaction's name in the pact file: what the consumer sends, in words. */
  readonly description: string;
  readonly given: readonly GivenState[];
  readonly request: ContractRequest;
  readonly response: { readonly status: number; readonly body: unknown };
  /** Sends the request with the typed client, as the consumer's code would. */
  readonly send: (client: ImportApiClient) => Promise<ApiResponse<unknown>>;
  readonly reads: ClientReading;
}
