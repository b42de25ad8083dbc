import { API_PATHS, fillPath } from '../api/endpoints.js';
import type { StatusObject } from '../api/wire-types.js';
import type { ApiResponse } from './api-response.js';
import { sendRequest, type RequestSpec, type Transport } from './send-request.js';

/** One part of a multipart upload. */
export interface UploadPart {
  /** Part name. Default `file`. */
  readonly name?: string;
  readonly content: Uint8Array | string;
  /** File name; a part without one is sent as a plain text field. Default `import.json`. */
  readonly filename?: string | null;
}

/** Per-request header choices; `null` leaves a header out on purpose. */
export interface RequestHeaders {
  /** Overrides the client's token; `null` sends none. */
  readonly token?: string | null;
  /** Tenant header (`x-leaf-tenant-code`); `null` sends none. */
  readonly tenant?: string | null;
  readonly requestId?: string;
}

export interface MultipartUpload extends RequestHeaders {
  readonly sourceName?: string | null;
  readonly sourceRef?: string | null;
  /** The parts of the body: normally one. */
  readonly parts?: readonly UploadPart[];
  /** A body sent as is, for malformed requests. */
  readonly rawBody?: { readonly contentType: string; readonly content: Uint8Array | string };
}

export interface JsonUpload extends RequestHeaders {
  readonly source: { readonly sourceName?: string; readonly sourceRef?: string } | null;
  /** The import file: `persons` / `accounts` / `transactions` / `contracts` collections. */
  readonly document: Readonly<Record<string, unknown>>;
}

export interface ClientOptions {
  /** The provider's base URL, e.g. `http://127.0.0.1:4010`. */
  readonly baseUrl: string;
  /** Sent as `x-auth-token`. Default `import-harness`. */
  readonly token?: string;
  /** Default tenant for uploads. Default: none. */
  readonly tenant?: string;
  /** Time-out of one request. Default 30 000 ms. */
  readonly timeoutMs?: number;
}

export type ActionName =
  'discard' | 'discard-rejected-entities' | 'discard-failed-entities' | 'retry';

const ACTION_PATHS: Readonly<Record<ActionName, string>> = {
  discard: API_PATHS.discard,
  'discard-rejected-entities': API_PATHS.discardRejected,
  'discard-failed-entities': API_PATHS.discardFailed,
  retry: API_PATHS.retry,
};

/**
 * The typed client of the data import API (H-1 … H-8). The scenario runner, the explorer,
 * contract tests and provider states all talk to a provider through it.
 */
export class ImportApiClient {
  readonly #transport: Transport;
  #token: string;
  readonly #tenant: string | undefined;

  constructor(options: ClientOptions) {
    this.#transport = { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? 30_000 };
    this.#token = options.token ?? 'import-harness';
    this.#tenant = options.tenant;
  }

  get baseUrl(): string {
    return this.#transport.baseUrl;
  }

  /** Uses this token from now on (e.g. one returned by `authorise`). */
  useToken(token: string): void {
    this.#token = token;
  }

  /** H-7: logs in and returns the answer; `data.token` is the token. */
  authorise(username: string, password: string): Promise<ApiResponse<{ token: string }>> {
    const body = JSON.stringify({ username, password });
    return this.#send({
      method: 'POST',
      path: API_PATHS.authorise,
      headers: { 'content-type': 'application/json' },
      body,
      describeBody: JSON.stringify({ username, password: '***' }),
    });
  }

  /** H-1: a multipart upload. */
  upload(input: MultipartUpload): Promise<ApiResponse<StatusObject>> {
    const query = {
      sourceName: input.sourceName ?? undefined,
      sourceRef: input.sourceRef ?? undefined,
    };
    if (input.rawBody !== undefined) {
      const content = input.rawBody.content;
      return this.#send({
        method: 'POST',
        path: API_PATHS.upload,
        query,
        headers: { ...this.#headers(input), 'content-type': input.rawBody.contentType },
        body: typeof content === 'string' ? content : Buffer.from(content),
        describeBody: `raw ${input.rawBody.contentType} body of ${byteLength(content)} bytes`,
      });
    }
    const form = new FormData();
    const parts = input.parts ?? [];
    for (const part of parts) {
      const name = part.name ?? 'file';
      const filename = part.filename === undefined ? 'import.json' : part.filename;
      if (filename === null) form.append(name, asText(part.content));
      else
        form.append(
          name,
          new Blob([asBytes(part.content)], { type: 'application/json' }),
          filename,
        );
    }
    const shown = parts.map((part) => `${part.name ?? 'file'} (${byteLength(part.content)} bytes)`);
    return this.#send({
      method: 'POST',
      path: API_PATHS.upload,
      query,
      headers: this.#headers(input),
      body: form,
      describeBody: `multipart/form-data, ${parts.length} part(s): ${shown.join(', ') || 'none'}`,
    });
  }

  /** H-8: the JSON upload. */
  uploadJson(input: JsonUpload): Promise<ApiResponse<StatusObject>> {
    const body = JSON.stringify({
      ...(input.source === null ? {} : { source: input.source }),
      ...input.document,
    });
    return this.#send({
      method: 'POST',
      path: API_PATHS.uploadJson,
      headers: { ...this.#headers(input), 'content-type': 'application/json' },
      body,
      describeBody: body.length > 2000 ? `JSON of ${body.length} characters` : body,
    });
  }

  /** H-2: the status object. */
  status(id: string, headers: RequestHeaders = {}): Promise<ApiResponse<StatusObject>> {
    return this.#send({
      method: 'GET',
      path: fillPath(API_PATHS.status, { importProcessId: id }),
      headers: this.#headers({ tenant: null, ...headers }),
    });
  }

  /** H-3 … H-6: one of the four actions. */
  act(
    action: ActionName,
    id: string,
    headers: RequestHeaders = {},
  ): Promise<ApiResponse<StatusObject>> {
    return this.#send({
      method: 'POST',
      path: fillPath(ACTION_PATHS[action], { importProcessId: id }),
      headers: this.#headers({ tenant: null, ...headers }),
    });
  }

  /** Any request to the provider, for paths and methods outside the API. */
  raw(method: string, path: string, headers: RequestHeaders = {}): Promise<ApiResponse<unknown>> {
    return this.#send({ method, path, headers: this.#headers({ tenant: null, ...headers }) });
  }

  #headers(input: RequestHeaders): Record<string, string | undefined> {
    const token = input.token === undefined ? this.#token : input.token;
    const tenant = input.tenant === undefined ? this.#tenant : input.tenant;
    return {
      'x-auth-token': token ?? undefined,
      'x-leaf-tenant-code': tenant ?? undefined,
      'x-request-id': input.requestId,
    };
  }

  #send<T>(spec: RequestSpec): Promise<ApiResponse<T>> {
    return sendRequest<T>(this.#transport, spec);
  }
}

function asBytes(content: Uint8Array | string): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

function asText(content: Uint8Array | string): string {
  return typeof content === 'string' ? content : Buffer.from(content).toString('latin1');
}

function byteLength(content: Uint8Array | string): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}
