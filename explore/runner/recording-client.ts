import type { StatusObject } from '../../api/wire-types.js';
import type { ApiResponse } from '../../client/api-response.js';
import {
  ImportApiClient,
  type ActionName,
  type ClientOptions,
  type JsonUpload,
  type MultipartUpload,
  type RequestHeaders,
} from '../../client/import-api-client.js';

/** One request and its answer, placed on a logical clock so overlaps can be told. */
export interface Exchange {
  readonly kind: 'upload' | 'status' | 'action';
  readonly action: ActionName | null;
  /** The process addressed, or the one an upload created; null when unknown. */
  readonly processId: string | null;
  readonly requestId: string | null;
  /** Ticks of the logical clock when the request left and when its answer arrived. */
  readonly started: number;
  readonly ended: number;
  readonly response: ApiResponse<StatusObject>;
}

/**
 * The typed API client, remembering every upload, status read and action it makes, so that
 * the invariants can be checked over everything a case saw — not only what it expected.
 */
export class RecordingClient extends ImportApiClient {
  readonly exchanges: Exchange[] = [];
  #clock = 0;

  constructor(options: ClientOptions) {
    super(options);
  }

  override upload(input: MultipartUpload): Promise<ApiResponse<StatusObject>> {
    return this.#record('upload', null, null, input.requestId, () => super.upload(input));
  }

  override uploadJson(input: JsonUpload): Promise<ApiResponse<StatusObject>> {
    return this.#record('upload', null, null, input.requestId, () => super.uploadJson(input));
  }

  override status(id: string, headers: RequestHeaders = {}): Promise<ApiResponse<StatusObject>> {
    return this.#record('status', null, id, headers.requestId, () => super.status(id, headers));
  }

  override act(
    action: ActionName,
    id: string,
    headers: RequestHeaders = {},
  ): Promise<ApiResponse<StatusObject>> {
    return this.#record('action', action, id, headers.requestId, () =>
      super.act(action, id, headers),
    );
  }

  async #record(
    kind: Exchange['kind'],
    action: ActionName | null,
    id: string | null,
    requestId: string | undefined,
    send: () => Promise<ApiResponse<StatusObject>>,
  ): Promise<ApiResponse<StatusObject>> {
    const started = ++this.#clock;
    const response = await send();
    this.exchanges.push({
      kind,
      action,
      processId: id ?? response.data?.importProcessId ?? null,
      requestId: requestId ?? null,
      started,
      ended: ++this.#clock,
      response,
    });
    return response;
  }
}
