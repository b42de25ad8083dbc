import type { Exchange } from '../../runner/recording-client.js';
import { before, type InvariantViolation } from './invariant-violation.js';

/**
 * Section 1: a repeated `x-request-id` gets the status and body of the first successful
 * request with that id. Returns the violations and the exchanges that were replays, which
 * show an earlier moment and so are left out of the checks over time.
 */
export function checkRequestIds(exchanges: readonly Exchange[]): {
  violations: InvariantViolation[];
  replays: Set<Exchange>;
} {
  const violations: InvariantViolation[] = [];
  const replays = new Set<Exchange>();
  for (const exchange of exchanges) {
    if (exchange.requestId === null) continue;
    const first = exchanges.find(
      (other) =>
        other.requestId === exchange.requestId &&
        before(other, exchange) &&
        other.response.status >= 200 &&
        other.response.status < 300,
    );
    if (first === undefined) continue;
    replays.add(exchange);
    const same =
      first.response.status === exchange.response.status &&
      JSON.stringify(first.response.body) === JSON.stringify(exchange.response.body);
    if (!same) {
      violations.push({
        rule: 'x-request-id',
        message:
          `a request repeating x-request-id ${exchange.requestId} answered ` +
          `${exchange.response.status}, not the first answer ${first.response.status} ` +
          'with the same body',
        exchange,
        earlier: first,
      });
    }
  }
  return { violations, replays };
}
