import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { VerifierJob } from './verifier-job.js';
import { replaceToken, verifierOptions } from './verifier-options.js';

const JOB: VerifierJob = {
  providerBaseUrl: 'http://127.0.0.1:4010',
  stateChangeUrl: 'http://127.0.0.1:5000/pact-state-change',
  pactUrls: ['/pacts/a.json'],
  timeoutMs: 60_000,
};

describe('verifierOptions', () => {
  it('sends provider states to the harness state-change URL and fetches no broker', () => {
    const options = verifierOptions(JOB);

    expect(options).toEqual({
      providerBaseUrl: 'http://127.0.0.1:4010',
      providerStatesSetupUrl: 'http://127.0.0.1:5000/pact-state-change',
      pactUrls: ['/pacts/a.json'],
      timeout: 60_000,
      logLevel: 'error',
    });
  });

  it('fetches pacts from the broker by selectors and publishes only when asked', () => {
    const broker = {
      url: 'https://broker.test',
      provider: 'tuum-data-import-api',
      token: 'secret',
      selectors: [{ mainBranch: true }],
      providerVersion: '1.0.0',
      branch: 'main',
    };

    const quiet = verifierOptions({ ...JOB, broker: { ...broker, publish: false } });
    const publishing = verifierOptions({ ...JOB, broker: { ...broker, publish: true } });

    expect(quiet).toMatchObject({
      provider: 'tuum-data-import-api',
      pactBrokerUrl: 'https://broker.test',
      pactBrokerToken: 'secret',
      consumerVersionSelectors: [{ mainBranch: true }],
      enablePending: true,
      providerVersion: '1.0.0',
      providerVersionBranch: 'main',
    });
    expect(quiet).not.toHaveProperty('publishVerificationResult');
    expect(publishing).toMatchObject({ publishVerificationResult: true });
  });
});

describe('replaceToken', () => {
  function filtered(headers: Record<string, string>): Record<string, unknown> {
    const request = { headers: { ...headers } } as unknown as Request;
    let passedOn = false;
    replaceToken('real-token')(request, {} as Response, () => (passedOn = true));
    expect(passedOn).toBe(true);
    return request.headers;
  }

  it('replaces the token of a request that carries one', () => {
    expect(filtered({ 'x-auth-token': 'example' })).toEqual({ 'x-auth-token': 'real-token' });
  });

  it('adds no token to a request that carries none', () => {
    expect(filtered({ accept: 'application/json' })).toEqual({ accept: 'application/json' });
  });
});
