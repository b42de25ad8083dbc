import type { PactV4 } from '@pact-foundation/pact';
import type { ApiResponse } from '../../client/api-response.js';
import { ImportApiClient } from '../../client/import-api-client.js';
import { ContractExpectationError } from '../errors/contract-expectation-error.js';
import type { ConsumerInteraction } from './consumer-interaction.js';
import { EXAMPLE } from './example-values.js';
import {
  FILE_PART_RULES,
  MULTIPART_CONTENT_TYPE,
  multipartExample,
  UPLOAD_BOUNDARY,
} from './upload-example.js';

/**
 * Plays one interaction against Pact's mock provider: the typed client sends the request,
 * the mock checks it against the contract and answers, and the client's reading of that
 * answer is checked. On success Pact adds the interaction to the pact file.
 */
export async function recordInteraction(
  pact: PactV4,
  interaction: ConsumerInteraction,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await define(pact, interaction).executeTest(async (server) => {
        const client = new ImportApiClient({
          baseUrl: server.url,
          token: EXAMPLE.token,
          tenant: EXAMPLE.tenant,
        });
        checkReading(interaction, await interaction.send(client));
      });
      return;
    } catch (error) {
      // Pact's mock server (pact-core 19, in Pact 16.3 and later) records a match only after
      // it has answered, so under load it may call a request it answered "not received"
      // (pact-foundation/pact-reference#535, fixed in pact-core 20, which needs Node 22).
      // Pact rethrows the test's own error first, so reaching here means the client read the
      // promised answer: the interaction is played again on a fresh mock server.
      if (attempt >= MAX_ATTEMPTS || !isUnrecordedMatch(error)) throw error;
    }
  }
}

const MAX_ATTEMPTS = 3;

/** The mock server's only complaint is a request it was expecting and did not record. */
function isUnrecordedMatch(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  const complaints = message.match(/^\s*\d+\) The following request /gm) ?? [];
  const unrecorded = message.match(
    /^\s*\d+\) The following request was expected but not received/gm,
  );
  return complaints.length > 0 && complaints.length === (unrecorded ?? []).length;
}

// The return type is Pact's, which its package does not export: inferred here.
function define(pact: PactV4, interaction: ConsumerInteraction) {
  // Step 1: the states it starts from, in order.
  let builder = pact.addInteraction();
  for (const state of interaction.given) builder = builder.given(state.name, state.params);

  // Step 2: the request, with the example multipart body for uploads.
  const { request, response } = interaction;
  return builder
    .uponReceiving(interaction.description)
    .withRequest(request.method, request.path, (build) => {
      if (request.query !== undefined) build.query(request.query);
      if (request.headers !== undefined) build.headers(request.headers);
      if (request.body === 'multipart') {
        build
          .headers({ ...request.headers, 'content-type': MULTIPART_CONTENT_TYPE })
          .body(`multipart/form-data; boundary=${UPLOAD_BOUNDARY}`, multipartExample())
          .matchingRules(FILE_PART_RULES);
      } else if (request.body !== undefined) {
        build.jsonBody(request.body.json);
      }
    })
    .willRespondWith(response.status, (build) => build.jsonBody(response.body));
}

function checkReading(interaction: ConsumerInteraction, response: ApiResponse<unknown>): void {
  const { reads } = interaction;
  const status = (response.data as { statusCode?: unknown } | null)?.statusCode;
  const problems = [
    response.status === reads.http ? null : `HTTP ${response.status} instead of ${reads.http}`,
    reads.status === undefined || status === reads.status
      ? null
      : `data.statusCode ${String(status)} instead of ${reads.status}`,
    reads.errors === undefined || sameList(response.errors, reads.errors)
      ? null
      : `errors [${response.errors.join(', ')}] instead of [${reads.errors.join(', ')}]`,
  ].filter((problem) => problem !== null);
  if (problems.length === 0) return;
  throw new ContractExpectationError(
    `Interaction "${interaction.description}": the client read ${problems.join('; ')} ` +
      `(${response.request.method} ${response.request.url}).`,
  );
}

function sameList(actual: readonly string[], expected: readonly string[]): boolean {
  return actual.length === expected.length && actual.every((item, i) => item === expected[i]);
}
