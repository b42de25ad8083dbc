import { describe, expect, it } from 'vitest';
import type { Scenario } from '../format/scenario-schema.js';
import {
  suffixKeysInBytes,
  suffixKeysInScenario,
  suffixKeysInStatus,
  suffixKeysInText,
  suffixKeysInValue,
} from './key-suffix.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the key suffix in import files', () => {
  it('goes on every key and reference, and every other byte stays as it is', () => {
    const file = [
      '{ "persons": [{ "externalPersonId" :  "P-1", "source": { "sourceRef": "P-1" } }],',
      '  "accounts": [{"externalAccountId":"A-1","externalPersonId":"P-1","name":"A \\"x\\""}],',
      '  "transactions": [{ "externalAccountTransactionId": "T-1", "externalAccountId": "A-1" }],',
      '  "contracts": [{ "externalContractId": "C-1", "externalPersonId": "P-1" }] }',
    ].join('\n');

    expect(suffixKeysInText(file, '-r7')).toBe(
      [
        '{ "persons": [{ "externalPersonId" :  "P-1-r7", "source": { "sourceRef": "P-1" } }],',
        '  "accounts": [{"externalAccountId":"A-1-r7","externalPersonId":"P-1-r7","name":"A \\"x\\""}],',
        '  "transactions": [{ "externalAccountTransactionId": "T-1-r7", "externalAccountId": "A-1-r7" }],',
        '  "contracts": [{ "externalContractId": "C-1-r7", "externalPersonId": "P-1-r7" }] }',
      ].join('\n'),
    );
  });

  it('leaves empty keys and keys that are not strings alone, for the technical scenarios', () => {
    const file = '[{ "externalPersonId": "" }, { "externalAccountId": 2801 }]';

    expect(suffixKeysInText(file, '-r7')).toBe(file);
  });

  it('sends bytes that are not UTF-8 exactly as stored, and keeps a byte order mark', () => {
    const latin1 = Uint8Array.from([...encode('[{"externalPersonId":"P-1","surname":"M'), 0xfc]);
    const marked = encode('\uFEFF[{"externalPersonId":"P-1"}]');

    expect(suffixKeysInBytes(latin1, '-r7')).toBe(latin1);
    expect(
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(suffixKeysInBytes(marked, '-r7')),
    ).toBe('\uFEFF[{"externalPersonId":"P-1-r7"}]');
  });

  it('goes on the keys of inline JSON at any depth', () => {
    const json = { persons: [{ externalPersonId: 'P-1', source: { sourceRef: 'P-1' } }] };

    expect(suffixKeysInValue(json, '-r7')).toEqual({
      persons: [{ externalPersonId: 'P-1-r7', source: { sourceRef: 'P-1' } }],
    });
  });
});

describe('the key suffix in what a scenario expects', () => {
  const scenario: Scenario = {
    name: 'keys',
    keySuffix: '-{run}',
    faults: [{ match: { key: 'A-2' }, refuse: 'every' }, { refuse: { first: 1 } }],
    steps: [
      { upload: { process: 'p1', file: 'files/p.json' } },
      {
        check: {
          process: 'p1',
          errors: [
            { key: 'A-1', code: 'err.accountExists', field: 'externalAccountId', value: 'A-1' },
            {
              key: 'A-3',
              code: 'err.accountPersonNotFound',
              field: 'externalPersonId',
              value: 'P-9',
            },
            {
              key: 'P-2',
              code: 'err.personCustomerTypeInvalid',
              field: 'customerType',
              value: 'X',
            },
          ],
        },
      },
      { created: { entities: { 'PERSON.PERSON': ['P-1'], 'ACCOUNT.ACCOUNT': ['A-2'] } } },
    ],
  };

  it('goes on fault rule keys, error keys, values of key and reference fields, created keys', () => {
    const suffixed = suffixKeysInScenario(scenario);

    expect(suffixed.faults).toEqual([
      { match: { key: 'A-2-{run}' }, refuse: 'every' },
      { refuse: { first: 1 } },
    ]);
    expect(suffixed.steps.slice(1)).toEqual([
      {
        check: {
          process: 'p1',
          errors: [
            {
              key: 'A-1-{run}',
              code: 'err.accountExists',
              field: 'externalAccountId',
              value: 'A-1-{run}',
            },
            {
              key: 'A-3-{run}',
              code: 'err.accountPersonNotFound',
              field: 'externalPersonId',
              value: 'P-9-{run}',
            },
            {
              key: 'P-2-{run}',
              code: 'err.personCustomerTypeInvalid',
              field: 'customerType',
              value: 'X',
            },
          ],
        },
      },
      {
        created: {
          entities: { 'PERSON.PERSON': ['P-1-{run}'], 'ACCOUNT.ACCOUNT': ['A-2-{run}'] },
        },
      },
    ]);
  });

  it('changes nothing in a scenario without a key suffix', () => {
    const { keySuffix: _keySuffix, ...plain } = scenario;

    expect(suffixKeysInScenario(plain)).toBe(plain);
  });

  it('goes on the keys a documented response echoes, not on the original source', () => {
    const documented = {
      statusCode: 'REJECTED',
      validationErrors: [
        {
          source: { sourceName: 'PERSON.PERSON', sourceRef: 'P-1', sourceLink: null },
          fieldName: 'externalPersonId',
          errorValue: 'P-1',
          originalSource: { sourceName: 'legacy', sourceRef: 'CN-1', sourceLink: null },
        },
        {
          source: { sourceName: 'PERSON.PERSON', sourceRef: 'P-1', sourceLink: null },
          fieldName: 'customerType',
          errorValue: 'someTypeCode',
          originalSource: { sourceName: 'legacy', sourceRef: 'CN-1', sourceLink: null },
        },
      ],
    };

    expect(suffixKeysInStatus(documented, '-r7')).toEqual({
      statusCode: 'REJECTED',
      validationErrors: [
        {
          source: { sourceName: 'PERSON.PERSON', sourceRef: 'P-1-r7', sourceLink: null },
          fieldName: 'externalPersonId',
          errorValue: 'P-1-r7',
          originalSource: { sourceName: 'legacy', sourceRef: 'CN-1', sourceLink: null },
        },
        {
          source: { sourceName: 'PERSON.PERSON', sourceRef: 'P-1-r7', sourceLink: null },
          fieldName: 'customerType',
          errorValue: 'someTypeCode',
          originalSource: { sourceName: 'legacy', sourceRef: 'CN-1', sourceLink: null },
        },
      ],
    });
  });
});
