import { MatchersV3, type Path } from '@pact-foundation/pact';
import { EXAMPLE } from './example-values.js';

const { fromProviderState, string } = MatchersV3;

/** Requests about one process carry the token and no tenant, as the typed client sends them. */
export const TOKEN_ONLY = { 'x-auth-token': string(EXAMPLE.token) };

/**
 * A path of API_PATHS with the process id a provider state hands back: the verifier fills
 * in `${importProcessId}`, so no interaction depends on a fixed id.
 */
export function processPath(pattern: string, exampleId: string = EXAMPLE.importProcessId): Path {
  const expression = pattern.replace(':importProcessId', '${importProcessId}');
  return fromProviderState(expression, pattern.replace(':importProcessId', exampleId));
}
