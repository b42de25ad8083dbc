import type { VerifierOptions } from '@pact-foundation/pact';
import type { RequestHandler } from 'express';
import type { VerifierJob } from './verifier-job.js';

/**
 * The Pact Verifier's options for a job. Provider states go to the harness's own
 * state-change URL, so a state that fails fails its interaction (Pact's in-process state
 * handlers would answer 200 and let the interaction run without its state).
 */
export function verifierOptions(job: VerifierJob): VerifierOptions {
  const broker = job.broker;
  return {
    providerBaseUrl: job.providerBaseUrl,
    providerStatesSetupUrl: job.stateChangeUrl,
    pactUrls: [...job.pactUrls],
    timeout: job.timeoutMs,
    logLevel: 'error',
    ...(job.token === undefined ? {} : { requestFilter: replaceToken(job.token) }),
    ...(broker === undefined
      ? {}
      : {
          provider: broker.provider,
          pactBrokerUrl: broker.url,
          ...(broker.token === undefined ? {} : { pactBrokerToken: broker.token }),
          ...(broker.username === undefined ? {} : { pactBrokerUsername: broker.username }),
          ...(broker.password === undefined ? {} : { pactBrokerPassword: broker.password }),
          consumerVersionSelectors: broker.selectors.map((selector) => ({ ...selector })),
          enablePending: true,
          failIfNoPactsFound: true,
          ...(broker.branch === undefined ? {} : { providerVersionBranch: broker.branch }),
          ...(broker.providerVersion === undefined
            ? {}
            : { providerVersion: broker.providerVersion }),
          // Pact refuses the option without a provider version, even when false.
          ...(broker.publish ? { publishVerificationResult: true } : {}),
        }),
  };
}

/** A request that carries a token gets the run's token; one that carries none keeps none. */
export function replaceToken(token: string): RequestHandler {
  return (request, _response, next) => {
    if (request.headers['x-auth-token'] !== undefined) request.headers['x-auth-token'] = token;
    next();
  };
}
