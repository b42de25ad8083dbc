import { describe, expect, it } from 'vitest';
import { comparablePact } from './comparable-pact.js';

function pact(metadata: Record<string, unknown>, description = 'a status read'): string {
  return JSON.stringify({ consumer: { name: 'c' }, interactions: [{ description }], metadata });
}

describe('comparablePact', () => {
  it('ignores the versions of the Pact libraries that wrote the file', () => {
    const older = pact({ 'pact-js': { version: '16.0.0' }, pactSpecification: { version: '4.0' } });
    const newer = pact({
      'pact-js': { version: '16.5.0' },
      pactRust: { ffi: '0.5.4' },
      pactSpecification: { version: '4.0' },
    });

    expect(comparablePact(older)).toEqual(comparablePact(newer));
  });

  it('keeps the specification version and every interaction', () => {
    expect(comparablePact(pact({ pactSpecification: { version: '3.0.0' } }))).not.toEqual(
      comparablePact(pact({ pactSpecification: { version: '4.0' } })),
    );
    expect(comparablePact(pact({}, 'one'))).not.toEqual(comparablePact(pact({}, 'another')));
  });
});
