import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readImportBytes } from '../../explore/oracle/read-import-file.js';
import { DEFAULT_REFERENCE_DATA } from '../reference-data.js';
import { ImportFileReader, readImportFile, type ReadResult } from './import-file-reader.js';
import { DEFAULT_READ_LIMITS } from './read-limits.js';

const OPTIONS = { referenceData: DEFAULT_REFERENCE_DATA };
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Pushes the file cut at the given offsets. */
function readInChunks(file: Uint8Array, cuts: readonly number[]): ReadResult {
  const reader = new ImportFileReader(OPTIONS);
  const offsets = [...new Set(cuts.map((cut) => cut % (file.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...offsets, file.length]) {
    reader.push(file.subarray(from, to));
    from = to;
  }
  return reader.end();
}

/** Which kind of reason: the oracle and the reader word them differently. */
function kind(reason: string): string {
  if (/^the (file|part) is empty/.test(reason)) return 'empty';
  if (/UTF-8/.test(reason)) return 'utf8';
  if (/JSON/.test(reason)) return 'json';
  return 'structure';
}

function outline(result: ReadResult | ReturnType<typeof readImportBytes>): unknown {
  return result.ok
    ? result.entities.map((entity) => `${entity.type} ${entity.key}`)
    : kind(result.reason);
}

// Values that stress the splitter: quotes, backslash runs, brackets inside strings, non-ASCII.
const trickyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', '"', '\\', '\\\\"', '[{', '}]', 'ü€😀', 'P1', 'A1'),
);
const keyValue = fc.oneof(trickyString, fc.integer(), fc.constant(null));
const elementArbitrary = fc.oneof(
  fc.record(
    { externalPersonId: keyValue, note: trickyString, nested: fc.jsonValue({ maxDepth: 3 }) },
    { requiredKeys: [] },
  ),
  fc.record(
    { externalAccountId: keyValue, externalPersonId: keyValue, source: fc.jsonValue() },
    { requiredKeys: ['externalAccountId'] },
  ),
  fc.record({ externalAccountTransactionId: keyValue }),
  fc.record({ externalContractId: keyValue, externalPersonId: trickyString }),
  fc.jsonValue({ maxDepth: 2 }),
);
const collectionName = fc.constantFrom(
  'persons',
  'accounts',
  'transactions',
  'contracts',
  'source',
  'people',
);
const documentArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.array(elementArbitrary, { maxLength: 6 }) },
  {
    weight: 4,
    arbitrary: fc.dictionary(
      collectionName,
      fc.oneof(
        { weight: 4, arbitrary: fc.array(elementArbitrary, { maxLength: 6 }) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
      ),
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const fileArbitrary = fc
  .tuple(documentArbitrary, fc.constantFrom(0, 1, '\t', ' \r\n'), fc.boolean())
  .map(([document, indent, mark]) => {
    const text = bytes(JSON.stringify(document, null, indent) ?? 'null');
    return mark ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]) : text;
  });
const damageArbitrary = fc.option(
  fc.record({
    at: fc.nat(),
    byte: fc.constantFrom(0x22, 0x5c, 0x2c, 0x5d, 0x7d, 0x7b, 0x3a, 0x20, 0x80, 0xff, 0x61),
    how: fc.constantFrom('replace', 'insert', 'delete'),
  }),
);

interface Damage {
  readonly at: number;
  readonly byte: number;
  readonly how: 'replace' | 'insert' | 'delete';
}

function damage(file: Buffer, change: Damage | null): Buffer {
  if (change === null || file.length === 0) return file;
  const { at, byte, how } = change;
  const index = at % file.length;
  const before = file.subarray(0, index);
  const after = file.subarray(how === 'insert' ? index : index + 1);
  return Buffer.concat([before, how === 'delete' ? Buffer.alloc(0) : Buffer.from([byte]), after]);
}

describe('the streaming import file reader', () => {
  test.prop([fileArbitrary, damageArbitrary, fc.array(fc.nat(), { maxLength: 12 })], {
    numRuns: 400,
  })(
    'reads what a whole-file JSON.parse reads, whatever the chunks and byte damage',
    (file, change, cuts) => {
      const damaged = damage(file, change);

      expect(outline(readInChunks(damaged, cuts))).toEqual(outline(readImportBytes(damaged)));
    },
  );

  test.prop([fileArbitrary, damageArbitrary, fc.array(fc.nat(), { maxLength: 12 })], {
    numRuns: 300,
  })('gives the same result, reasons and records, for any chunking', (file, change, cuts) => {
    const damaged = damage(file, change);

    expect(readInChunks(damaged, cuts)).toEqual(readImportFile(damaged, OPTIONS));
  });

  it('reads a file pushed one byte at a time, escapes and characters cut in two', () => {
    const text =
      '\u{feff}{"persons": [{"externalPersonId": "P\\"1\\\\", "givenName": "Jürgen 😀"}],' +
      ' "accounts": [{"externalAccountId": "A]}", "externalPersonId": "P\\"1\\\\"}]}';
    const file = bytes(text);

    const result = readInChunks(
      file,
      Array.from({ length: file.length }, (_, n) => n),
    );

    expect(result.ok && result.entities.map((e) => [e.type, e.key, e.reference])).toEqual([
      ['PERSON.PERSON', 'P"1\\', null],
      ['ACCOUNT.ACCOUNT', 'A]}', 'P"1\\'],
    ]);
  });

  it('names the element and the byte where an element breaks JSON syntax', () => {
    const result = readImportFile(
      bytes('{"persons": [{"externalPersonId": "P"}, {"a": }]}'),
      OPTIONS,
    );

    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^the file is not valid JSON \(persons\[1\], which starts at byte 40: .+\)$/,
      ) as unknown,
    });
  });

  it.each([
    ['a trailing comma in a collection', '{"persons": [{"externalPersonId": "P"},]}', 'byte 39'],
    ['a missing colon', '{"persons" [{"externalPersonId": "P"}]}', 'byte 11'],
    ['text after the top-level value', '[{"externalPersonId": "P"}] x', 'byte 28'],
    ['a file that stops early', '[{"externalPersonId": "P"}', 'ends too soon'],
    ['only white space', ' \n ', 'white space'],
  ])('refuses %s as invalid JSON, saying where', (_name, text, where) => {
    const result = readImportFile(bytes(text), OPTIONS);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^the file is not valid JSON/);
    expect(!result.ok && result.reason).toContain(where);
  });

  it('finds a line break inside a string where it is, not at the end of the file', () => {
    const persons = Array.from({ length: 200 }, (_, n) => `{"externalPersonId": "P${n}"}`);
    persons[100] = '{"externalPersonId": "P100", "note": "cut\nin two"}';
    const file = bytes(`{"persons": [\n${persons.join(',\n')}\n]}`);
    const at = file.indexOf('cut\n') + 3;

    expect(readInChunks(file, [at - 1, at + 1])).toEqual({
      ok: false,
      reason:
        'the file is not valid JSON (a line break inside a string, which must be written ' +
        `\\n, at byte ${at})`,
    });
  });

  it('prefers bad UTF-8 anywhere to a syntax error before it', () => {
    const file = Buffer.concat([bytes('[{"externalPersonId": "P"}, oops, "'), Buffer.from([0xc3])]);

    expect(readImportFile(file, OPTIONS)).toEqual({
      ok: false,
      reason: 'the file is not valid UTF-8',
    });
  });

  it('names the structural problem of the first collection in dispatch order, not file order', () => {
    const file = bytes('{"accounts": [7], "persons": [{"externalPersonId": ""}]}');

    expect(readImportFile(file, OPTIONS)).toEqual({
      ok: false,
      reason: 'persons[0]: externalPersonId must be a non-empty string; got an empty string',
    });
  });

  it('lets a repeated collection replace the earlier one, as JSON.parse does', () => {
    const file = bytes(
      '{"persons": [{"externalPersonId": "OLD"}, 1], "persons": [{"externalPersonId": "NEW"}]}',
    );

    expect(outline(readImportFile(file, OPTIONS))).toEqual(['PERSON.PERSON NEW']);
  });

  it('checks the syntax of members it otherwise ignores', () => {
    const result = readImportFile(
      bytes('{"people": [{"x": 1,}], "persons": [{"externalPersonId": "P"}]}'),
      OPTIONS,
    );

    expect(!result.ok && result.reason).toMatch(/^the file is not valid JSON \(people\[0\]/);
  });

  it('counts every entity against maxEntitiesPerFile, and keeps none past it', () => {
    const persons = Array.from({ length: 5 }, (_, n) => ({ externalPersonId: `P${n}` }));
    const limits = { ...DEFAULT_READ_LIMITS, maxEntitiesPerFile: 4 };

    const result = readImportFile(bytes(JSON.stringify({ persons })), { ...OPTIONS, limits });

    expect(result).toEqual({
      ok: false,
      reason:
        'the file holds 5 entities; the simulator accepts at most 4 per file ' +
        '(limit maxEntitiesPerFile). Split it into batches',
    });
  });

  it('judges each entity on its own fields as it reads it', () => {
    const file = bytes(
      JSON.stringify({ transactions: [{ externalAccountTransactionId: 'T1', amount: 'x' }] }),
    );

    const result = readImportFile(file, OPTIONS);

    const codes = result.ok ? result.entities[0]?.fieldProblems.map((p) => p.errorCode) : [];
    expect(codes).toContain('err.transactionAmountInvalid');
    expect(codes).toContain('err.transactionExternalAccountIdMissing');
  });
});
