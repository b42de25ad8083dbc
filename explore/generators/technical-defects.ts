/**
 * The technical-validation failures of section 7: each turns an import file into one that
 * cannot be read, so the process ends in ERROR. The valid file is kept where the case allows,
 * so that one element or one collection is all that is wrong.
 */
import fc from 'fast-check';
import type { ScenarioContent } from '../../scenarios/format/scenario-schema.js';

type Data = Record<string, unknown>;

/** An import file as the generator builds it: collections of entities. */
export interface Collections {
  readonly persons?: readonly Data[];
  readonly accounts?: readonly Data[];
  readonly transactions?: readonly Data[];
  readonly contracts?: readonly Data[];
}

export interface TechnicalDefect {
  readonly id: string;
  /** What section 7 says is wrong with the file. */
  readonly description: string;
  /** Whether it can be sent as an H-8 JSON body as well as an H-1 part. */
  readonly viaJson: boolean;
  readonly content: (file: Collections) => ScenarioContent;
}

/** A file of the explorer's fixtures folder that holds bytes no text block can hold. */
export const NOT_UTF8_FILE = 'files/not-utf8.bin';

const KEY_FIELDS: Readonly<Record<string, string>> = {
  persons: 'externalPersonId',
  accounts: 'externalAccountId',
  transactions: 'externalAccountTransactionId',
  contracts: 'externalContractId',
};

/** The first non-empty collection, or persons. */
function firstCollection(file: Collections): keyof Collections {
  const names = ['persons', 'accounts', 'transactions', 'contracts'] as const;
  return names.find((name) => (file[name]?.length ?? 0) > 0) ?? 'persons';
}

function withFirstKey(file: Collections, key: unknown): ScenarioContent {
  const name = firstCollection(file);
  const [first, ...rest] = file[name] ?? [{}];
  return { json: { ...file, [name]: [{ ...first, [KEY_FIELDS[name] ?? '']: key }, ...rest] } };
}

export const TECHNICAL_DEFECTS: readonly TechnicalDefect[] = [
  {
    id: 'empty-part',
    description: 'the file part is empty',
    viaJson: false,
    content: (): ScenarioContent => ({ text: '' }),
  },
  {
    id: 'not-utf8',
    description: 'the file is not valid UTF-8',
    viaJson: false,
    content: (): ScenarioContent => ({ file: NOT_UTF8_FILE }),
  },
  {
    id: 'not-json',
    description: 'the file is not JSON (cut short)',
    viaJson: false,
    content: (file: Collections): ScenarioContent => ({ text: JSON.stringify(file).slice(0, -1) }),
  },
  {
    id: 'top-level-number',
    description: 'the top level is neither an object nor an array',
    viaJson: false,
    content: (): ScenarioContent => ({ json: 42 }),
  },
  {
    id: 'top-level-string',
    description: 'the top level is neither an object nor an array',
    viaJson: false,
    content: (): ScenarioContent => ({ json: 'persons' }),
  },
  {
    id: 'top-level-null',
    description: 'the top level is neither an object nor an array',
    viaJson: false,
    content: (): ScenarioContent => ({ json: null }),
  },
  {
    id: 'collection-null',
    description: 'a collection is null',
    viaJson: true,
    content: (file: Collections): ScenarioContent => ({
      json: { ...file, [firstCollection(file)]: null },
    }),
  },
  {
    id: 'collection-not-array',
    description: 'a collection is not an array',
    viaJson: true,
    content: (file: Collections): ScenarioContent => ({
      json: { ...file, [firstCollection(file)]: { count: 1 } },
    }),
  },
  {
    id: 'element-not-object',
    description: 'an element is not an object',
    viaJson: true,
    content: (file: Collections): ScenarioContent => {
      const name = firstCollection(file);
      return { json: { ...file, [name]: [...(file[name] ?? []), 'entity'] } };
    },
  },
  {
    id: 'key-empty',
    description: 'a key field is an empty string',
    viaJson: true,
    content: (file: Collections): ScenarioContent => withFirstKey(file, ''),
  },
  {
    id: 'key-number',
    description: 'a key field is not a string',
    viaJson: true,
    content: (file: Collections): ScenarioContent => withFirstKey(file, 7),
  },
  {
    id: 'bare-element-untyped',
    description: 'an element of a bare array has no key field to type it by',
    viaJson: false,
    content: (file: Collections): ScenarioContent => ({
      json: [
        ...Object.values(file).flatMap((list: readonly Data[] | undefined) => list ?? []),
        { name: 'no key field' },
      ],
    }),
  },
  {
    id: 'no-entity-empty-collections',
    description: 'the file holds no entity',
    viaJson: true,
    content: (): ScenarioContent => ({ json: { persons: [], accounts: [] } }),
  },
  {
    id: 'no-entity-unknown-keys',
    description: 'the file holds no entity (unknown top-level keys are ignored)',
    viaJson: true,
    content: (file: Collections): ScenarioContent => ({
      json: { people: file.persons ?? [], version: 1 },
    }),
  },
  {
    id: 'no-entity-bare-array',
    description: 'the file holds no entity',
    viaJson: false,
    content: (): ScenarioContent => ({ json: [] }),
  },
];

export function technicalDefect(id: string): TechnicalDefect {
  const defect = TECHNICAL_DEFECTS.find((candidate) => candidate.id === id);
  if (defect === undefined) throw new Error(`no technical defect ${JSON.stringify(id)}`);
  return defect;
}

export function technicalDefectArbitrary(): fc.Arbitrary<TechnicalDefect> {
  return fc.constantFrom(...TECHNICAL_DEFECTS);
}
