import type { EntityType } from './entity-defect.js';

const LETTER: Readonly<Record<EntityType, string>> = {
  'PERSON.PERSON': 'P',
  'ACCOUNT.ACCOUNT': 'A',
  'ACCOUNT.ACCOUNT_TRANSACTION': 'T',
  'LOAN.CONTRACT': 'C',
};

type Keys = Record<EntityType, string[]>;

const noKeys = (): Keys => ({
  'PERSON.PERSON': [],
  'ACCOUNT.ACCOUNT': [],
  'ACCOUNT.ACCOUNT_TRANSACTION': [],
  'LOAN.CONTRACT': [],
});

/**
 * The entity keys of one case: `P1`, `A1`, `T1`, `C1`, … numbered per type, with an optional
 * suffix (`-{run}` against a provider). It remembers which keys the tenant was given and which
 * appeared in earlier files, so that plans can refer to them by index.
 */
export class KeyBook {
  readonly given: Keys = noKeys();
  readonly earlier: Keys = noKeys();
  readonly #used: Keys = noKeys();
  readonly #next: Record<EntityType, number> = {
    'PERSON.PERSON': 1,
    'ACCOUNT.ACCOUNT': 1,
    'ACCOUNT.ACCOUNT_TRANSACTION': 1,
    'LOAN.CONTRACT': 1,
  };

  constructor(private readonly suffix: string) {}

  newKey(type: EntityType): string {
    const key = this.poolKey(type, this.#next[type] - 1);
    this.#next[type] += 1;
    return key;
  }

  /** The key numbered `index + 1`, whether or not it was used. */
  poolKey(type: EntityType, index: number): string {
    return `${LETTER[type]}${index + 1}${this.suffix}`;
  }

  /** A key that no entity of the case has: `Px1`, … */
  unknownKey(type: EntityType, index: number): string {
    return `${LETTER[type]}x${index + 1}${this.suffix}`;
  }

  /** A key used so far (given, earlier files, or the file being built), by index. */
  usedKey(type: EntityType, index: number, alsoIn: readonly string[] = []): string | undefined {
    const keys = [...new Set([...this.#used[type], ...alsoIn])];
    return keys.length === 0 ? undefined : keys[index % keys.length];
  }

  recordGiven(type: EntityType, key: string): void {
    this.given[type].push(key);
    this.#used[type].push(key);
  }

  recordFile(keys: Readonly<Record<EntityType, readonly string[]>>): void {
    for (const type of Object.keys(keys) as EntityType[]) {
      this.earlier[type].push(...keys[type]);
      this.#used[type].push(...keys[type]);
    }
  }
}

export function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}
