import { describe, expect, it } from 'vitest';
import { parseTenantState } from './tenant-state.js';

describe('parseTenantState', () => {
  it('reads the control API answer of GET /__simulator/tenants/{tenant}/entities', () => {
    const state = parseTenantState(
      {
        errors: null,
        validationErrors: null,
        data: {
          entities: [
            { type: 'PERSON.PERSON', key: 'P-1', processId: 'DIM-1000', reference: null },
            { type: 'ACCOUNT.ACCOUNT', key: 'A-1', processId: 'DIM-1000', reference: 'P-1' },
          ],
        },
      },
      'tenant.json',
    );

    expect(state.has('PERSON.PERSON', 'P-1')).toBe(true);
    expect(state.has('ACCOUNT.ACCOUNT', 'A-1')).toBe(true);
    expect(state.has('ACCOUNT.ACCOUNT', 'P-1')).toBe(false);
    expect(state.size).toBe(2);
  });

  it('reads key lists named after the collections of an import file', () => {
    const state = parseTenantState(
      { persons: ['P-1', 'P-2'], transactions: ['T-1'], contracts: ['C-1'] },
      'keys.json',
    );

    expect(state.has('PERSON.PERSON', 'P-2')).toBe(true);
    expect(state.has('ACCOUNT.ACCOUNT_TRANSACTION', 'T-1')).toBe(true);
    expect(state.has('LOAN.CONTRACT', 'C-1')).toBe(true);
    expect(state.size).toBe(4);
  });

  it('refuses an empty key, with the path of the value', () => {
    expect(() =>
      parseTenantState({ entities: [{ type: 'PERSON.PERSON', key: '' }] }, 'e.json'),
    ).toThrow(/^Invalid --tenant-state file e\.json: entities\[0\]\.key: Too small: /);
  });

  it('names at most five problems of a systematically wrong file', () => {
    const keys = Array.from({ length: 8 }, (_, index) => index);

    expect(() => parseTenantState({ persons: keys }, 'numbers.json')).toThrow(
      /persons\[4\]: Invalid input: expected string, received number; and 3 more\. Give /,
    );
  });
});
