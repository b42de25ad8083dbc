/**
 * Data validation of a whole file (section 8): each entity on its own, then keys imported
 * only once (V-6, V-10) and references that name an existing entity (V-7…V-9).
 */
import { entityProblems } from './entity-rules.js';
import type { FileEntity } from './read-import-file.js';
import {
  TYPE_FACTS,
  TYPES_IN_ORDER,
  type EntityType,
  type OracleOptions,
  type Problem,
} from './oracle-state.js';

const NOT_FOUND: Readonly<Partial<Record<EntityType, string>>> = {
  'ACCOUNT.ACCOUNT': 'err.accountPersonNotFound',
  'ACCOUNT.ACCOUNT_TRANSACTION': 'err.transactionAccountNotFound',
  'LOAN.CONTRACT': 'err.contractPersonNotFound',
};

/** Every problem of every entity, by position in the file. */
export function judgeFile(
  entities: readonly FileEntity[],
  exists: (type: EntityType, key: string) => boolean,
  options: OracleOptions,
): Problem[][] {
  // Step 1: own fields, and whether the key was imported before or appears earlier (V-6, V-10).
  const seen = new Set<string>();
  const firstCopy: boolean[] = [];
  const problems = entities.map((entity) => {
    const typedKey = JSON.stringify([entity.type, entity.key]);
    firstCopy.push(!seen.has(typedKey));
    const own = entityProblems(entity.type, entity.data, options.catalogues);
    const again = seen.has(typedKey) || exists(entity.type, entity.key);
    seen.add(typedKey);
    if (!again) return own;
    const { prefix, key } = TYPE_FACTS[entity.type];
    const rule = entity.type === 'PERSON.PERSON' ? 'V-6' : 'V-10';
    return [{ rule, code: `err.${prefix}Exists`, field: key }, ...own];
  });

  // Step 2: references, type by type in dependency order, so that with same-file references
  // an entity counts only when everything it rests on is valid too.
  const validInFile = new Map<EntityType, Set<string>>();
  for (const type of TYPES_IN_ORDER) {
    const valid = new Set<string>();
    entities.forEach((entity, index) => {
      if (entity.type !== type) return;
      const found = problems[index] ?? [];
      const target = TYPE_FACTS[type].refersTo;
      const value = target === null ? undefined : entity.data[target.field];
      if (target !== null && typeof value === 'string' && value !== '') {
        const resolves =
          exists(target.type, value) ||
          (options.sameFileReferences && validInFile.get(target.type)?.has(value) === true);
        if (!resolves) {
          found.push({ rule: target.rule, code: NOT_FOUND[type] ?? '', field: target.field });
        }
      }
      if (firstCopy[index] === true && found.length === 0) valid.add(entity.key);
    });
    validInFile.set(type, valid);
  }
  return problems;
}
