import type { ApiResponse } from '../../client/api-response.js';
import { StateSetupError } from '../errors/state-setup-error.js';

/**
 * Checks that a request made while setting up a state was answered as the reference says;
 * otherwise the state cannot be reached, and the error quotes the exchange.
 */
export function expectAnswer<T>(
  response: ApiResponse<T>,
  expectedStatus: number,
  purpose: string,
): T {
  if (response.status === expectedStatus && response.data !== null) return response.data;
  throw new StateSetupError(
    `${purpose}: expected HTTP ${expectedStatus}, got ${response.status} ` +
      `(${response.request.method} ${response.request.url} → ${describeBody(response.body)}).`,
  );
}

export function describeBody(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
