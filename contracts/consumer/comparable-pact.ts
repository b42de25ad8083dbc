/**
 * A pact file as the staleness check compares it: everything but the versions of the Pact
 * libraries that wrote it, which change with an upgrade and not with the contract.
 */
export function comparablePact(text: string): unknown {
  const pact = JSON.parse(text) as { metadata?: Record<string, unknown> };
  const { 'pact-js': _pactJs, pactRust: _pactRust, ...metadata } = pact.metadata ?? {};
  return { ...pact, metadata };
}
