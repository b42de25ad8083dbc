import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS } from './import-file/read-limits.js';
import { extractEntities, parseImportFile, type ParseResult } from './parse-import-file.js';
import { DEFAULT_REFERENCE_DATA } from './reference-data.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (text: string): ParseResult => parseImportFile(bytes(text));

/** Type and key of each entity, or the refusal. */
function outline(result: ParseResult): Array<[string, string]> | { reason: string } {
  if (!result.ok) return { reason: result.reason };
  return result.entities.map((entity) => [entity.type, entity.key]);
}

function expectError(result: ParseResult, reason: string | RegExp): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toMatch(reason);
}

describe('parseImportFile reads a readable file', () => {
  it('extracts the collections of an object in the order persons, accounts, transactions, contracts', () => {
    const file = JSON.stringify({
      contracts: [{ externalContractId: 'C1' }],
      transactions: [
        { externalAccountTransactionId: 'T1' },
        { externalAccountTransactionId: 'T2' },
      ],
      accounts: [{ externalAccountId: 'A1' }],
      persons: [{ externalPersonId: 'P1' }, { externalPersonId: 'P2' }],
    });

    expect(outline(parse(file))).toEqual([
      ['PERSON.PERSON', 'P1'],
      ['PERSON.PERSON', 'P2'],
      ['ACCOUNT.ACCOUNT', 'A1'],
      ['ACCOUNT.ACCOUNT_TRANSACTION', 'T1'],
      ['ACCOUNT.ACCOUNT_TRANSACTION', 'T2'],
      ['LOAN.CONTRACT', 'C1'],
    ]);
  });

  it('accepts the documented loan file, an object with contracts only', () => {
    const file = '{"contracts": [{"externalContractId": "EXT-C-1000", "externalPersonId": "P"}]}';

    expect(outline(parse(file))).toEqual([['LOAN.CONTRACT', 'EXT-C-1000']]);
  });

  it('types each element of a bare array by the first key field it carries', () => {
    const file = JSON.stringify([
      { externalPersonId: 'P1' },
      { externalContractId: 'C1', externalPersonId: 'P1' },
      { externalAccountId: 'A1', externalPersonId: 'P1' },
      { externalAccountTransactionId: 'T1', externalAccountId: 'A1' },
    ]);

    expect(outline(parse(file))).toEqual([
      ['PERSON.PERSON', 'P1'],
      ['LOAN.CONTRACT', 'C1'],
      ['ACCOUNT.ACCOUNT', 'A1'],
      ['ACCOUNT.ACCOUNT_TRANSACTION', 'T1'],
    ]);
  });

  it('ignores unknown top-level keys', () => {
    const file =
      '{"source": {"sourceName": "x"}, "loans": 7, "persons": [{"externalPersonId": "P"}]}';

    expect(outline(parse(file))).toEqual([['PERSON.PERSON', 'P']]);
  });

  it('keeps of each element its key, its reference and its own source as JSON text', () => {
    const element = {
      externalAccountId: 'A1',
      externalPersonId: 'P1',
      source: { sourceName: 'core', sourceRef: 'r-1', sourceLink: null },
      extra: [1, { two: 2 }],
    };
    const result = extractEntities({ accounts: [element] });

    expect(result.ok && result.entities[0]).toMatchObject({
      type: 'ACCOUNT.ACCOUNT',
      key: 'A1',
      reference: 'P1',
      sourceJson: '{"sourceName":"core","sourceRef":"r-1","sourceLink":null}',
    });
  });

  it('keeps no reference when the reference field is not a non-empty string', () => {
    const result = extractEntities({
      accounts: [
        { externalAccountId: 'A1', externalPersonId: '' },
        { externalAccountId: 'A2', externalPersonId: 7 },
      ],
      persons: [{ externalPersonId: 'P1', source: 'not an object' }],
    });

    expect(result.ok && result.entities.map((e) => [e.key, e.reference, e.sourceJson])).toEqual([
      ['P1', null, null],
      ['A1', null, null],
      ['A2', null, null],
    ]);
  });

  it('accepts a UTF-8 byte order mark at the start', () => {
    const file = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('[{"externalPersonId": "P"}]')]);

    expect(outline(parseImportFile(file))).toEqual([['PERSON.PERSON', 'P']]);
  });

  it('keeps a __proto__ key as plain data and never changes a prototype', () => {
    const file = '{"persons": [{"externalPersonId": "P", "__proto__": {"polluted": true}}]}';
    const result = parse(file);

    expect(outline(result)).toEqual([['PERSON.PERSON', 'P']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('extractEntities reads the JSON body of the sample endpoint, source included', () => {
    const body = {
      source: { sourceName: 's', sourceRef: 'r' },
      accounts: [{ externalAccountId: 'A' }],
    };

    expect(outline(extractEntities(body))).toEqual([['ACCOUNT.ACCOUNT', 'A']]);
  });
});

describe('parseImportFile refuses an unreadable file (ERROR)', () => {
  it('refuses an empty file', () => {
    expectError(parseImportFile(new Uint8Array()), /empty/);
  });

  it('refuses bytes that are not UTF-8', () => {
    const file = new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]);

    expectError(parseImportFile(file), /UTF-8/);
  });

  it('refuses text that is not JSON', () => {
    expectError(parse('{"persons": [}'), /not valid JSON/);
    expectError(parse('persons,accounts\n1,2'), /not valid JSON/);
    expectError(parse(' \n '), /not valid JSON/);
  });

  it('refuses a top level that is neither an object nor an array', () => {
    expectError(parse('"persons"'), 'the top level must be an object or an array; got "persons"');
    expectError(parse('42'), /top level/);
    expectError(parse('null'), /top level/);
  });

  it('refuses a collection that is null or not an array', () => {
    expectError(parse('{"persons": null}'), 'persons must be an array; got null');
    expectError(parse('{"accounts": {"externalAccountId": "A"}}'), /^accounts must be an array/);
    expectError(parse('{"contracts": "C1"}'), /^contracts must be an array/);
  });

  it('refuses a collection element that is not an object', () => {
    expectError(
      parse('{"persons": [{"externalPersonId": "P"}, [1]]}'),
      'persons[1]: each element must be an object; got an array of 1 item',
    );
    expectError(parse('{"transactions": [null]}'), /^transactions\[0\]: each element must be/);
  });

  it('refuses an element whose key field is not a non-empty string', () => {
    const accounts =
      '[{"externalAccountId": "A0"}, {"externalAccountId": "A1"}, {"externalAccountId": 42}]';

    expectError(
      parse(`{"accounts": ${accounts}}`),
      'accounts[2]: externalAccountId must be a non-empty string; got 42',
    );
    expectError(
      parse('{"persons": [{"externalPersonId": ""}]}'),
      'persons[0]: externalPersonId must be a non-empty string; got an empty string',
    );
    expectError(
      parse('{"contracts": [{"contractNumber": "9"}]}'),
      'contracts[0]: externalContractId must be a non-empty string; got nothing',
    );
  });

  it('refuses a bare-array element that is not an object', () => {
    expectError(
      parse('[{"externalPersonId": "P"}, "P2"]'),
      '[1]: each element must be an object; got "P2"',
    );
  });

  it('refuses a bare-array element that carries no key field', () => {
    expectError(
      parse('[{"externalPersonId": "P"}, {"name": "x"}]'),
      /^\[1\]: the element has none of the key fields/,
    );
  });

  it('refuses a bare-array element whose typing key field is not a non-empty string', () => {
    expectError(
      parse('[{"externalAccountTransactionId": null, "externalAccountId": "A"}]'),
      '[0]: externalAccountTransactionId must be a non-empty string; got null',
    );
    expectError(
      parse('[{"externalAccountId": 7}]'),
      /^\[0\]: externalAccountId must be a non-empty/,
    );
  });

  it('refuses a file that holds no entity', () => {
    expectError(parse('[]'), 'the file holds no entity');
    expectError(parse('{}'), 'the file holds no entity');
    expectError(parse('{"persons": [], "accounts": []}'), 'the file holds no entity');
    expectError(parse('{"people": [{"externalPersonId": "P"}]}'), 'the file holds no entity');
  });

  it('does not read collections through a __proto__ key', () => {
    expectError(
      parse('{"__proto__": {"persons": [{"externalPersonId": "P"}]}}'),
      /holds no entity/,
    );
  });
});

describe('parseImportFile on hostile input', () => {
  it('refuses an element nested thousands of levels deep by its limit, stack intact', () => {
    const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    const file = bytes(`[{"externalPersonId": "P", "x": ${deep}}]`);

    expectError(parseImportFile(file), /more than 32 levels deep \(limit maxNestingDepth\)/);
    const limits = { ...DEFAULT_READ_LIMITS, maxNestingDepth: 100_000, maxValuesPerEntity: 1e6 };
    const unlimited = parseImportFile(file, { referenceData: DEFAULT_REFERENCE_DATA, limits });
    expect(outline(unlimited)).toEqual([['PERSON.PERSON', 'P']]);
  });

  it('refuses a top level of arrays nested thousands deep as an element that is no object', () => {
    expectError(parse('['.repeat(50_000) + ']'.repeat(50_000)), /^\[0\]: each element must be/);
  });

  it('reads a 50 MB string value and quotes only its start in a reason', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);

    expect(outline(parse(`[{"externalPersonId": "P", "note": "${huge}"}]`))).toEqual([
      ['PERSON.PERSON', 'P'],
    ]);
    const result = parse(`{"persons": "${huge}"}`);
    expect(!result.ok && result.reason.length).toBeLessThan(200);
  });
});
