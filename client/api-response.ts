/** What the client sent, kept for failure reports. The token is never recorded. */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A short description of the body (parts and sizes, or the JSON). */
  readonly body: string | null;
}

/** One answer of the API, with the request that produced it. */
export interface ApiResponse<T> {
  readonly status: number;
  /** The parsed JSON body, or the text when it is not JSON. */
  readonly body: unknown;
  /** `body.data` when the body is an envelope. */
  readonly data: T | null;
  /** `body.errors` when the body is an envelope with errors, else []. */
  readonly errors: readonly string[];
  readonly request: SentRequest;
}
