/** A consumer-version selector of the Pact Broker, e.g. `{ mainBranch: true }`. */
export interface ConsumerVersionSelector {
  readonly mainBranch?: boolean;
  readonly matchingBranch?: boolean;
  readonly deployedOrReleased?: boolean;
  readonly branch?: string;
  readonly consumer?: string;
  readonly latest?: boolean;
}

/** Where pacts come from and where results go when a Pact Broker is involved. */
export interface BrokerJob {
  readonly url: string;
  readonly provider: string;
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
  readonly selectors: readonly ConsumerVersionSelector[];
  readonly providerVersion?: string;
  readonly branch?: string;
  readonly publish: boolean;
}

/**
 * Everything the verifier process needs, as plain JSON: it runs apart from the CLI because
 * Pact's native core prints its own report to the process's standard output.
 */
export interface VerifierJob {
  readonly providerBaseUrl: string;
  readonly stateChangeUrl: string;
  /** Pact files, folders of pact files, or URLs. */
  readonly pactUrls: readonly string[];
  /** Replaces the `x-auth-token` of every request that carries one. */
  readonly token?: string;
  readonly broker?: BrokerJob;
  /** Time-out of each request, state changes included. */
  readonly timeoutMs: number;
}

/** The verifier's JSON report, or the error that kept it from making one. */
export type VerifierJobResult =
  | { readonly kind: 'report'; readonly json: string }
  | { readonly kind: 'error'; readonly message: string };
