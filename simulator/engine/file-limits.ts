/**
 * The simulator's own limits on what one import file may hold. They are checked as technical
 * validation reads the file: a file past one of them ends in `ERROR` with a reason that names
 * the limit, like any file that cannot be read. They exist because the status object echoes
 * entities (`originalSource`, `errorValue`, the key) once per validation error: without them
 * a small file could make every status read build gigabytes, or nest too deep to serialise.
 */
import { ENTITY_TYPE_INFO } from '../../model/entity-types.js';
import type { ParsedEntity } from '../../model/parsed-entity.js';
import type { ReferenceData } from '../../model/reference-data.js';
import type { TenantView } from '../../model/tenant-view.js';
import { describeValue, ownValue } from '../../model/validation/json-values.js';
import { validateEntities } from '../../model/validation/validate-entities.js';
import type { SimulatorLimits } from '../simulator-options.js';
import { jsonLength, measureShape } from './json-measure.js';

export type FileLimits = Pick<
  SimulatorLimits,
  'maxEntitiesPerFile' | 'maxNestingDepth' | 'maxValuesPerEntity' | 'maxValidationReportBytes'
>;

/** The JSON of one `validationErrors` item with every variable part empty, plus its comma. */
const ITEM_OVERHEAD =
  JSON.stringify({
    source: { sourceName: '', sourceRef: '', sourceLink: null },
    fieldName: '',
    errorCode: '',
    errorValue: null,
    errorMessage: '',
    originalSource: null,
  }).length -
  // sourceRef, fieldName, errorValue, errorMessage and originalSource are counted with
  // their quotes (or null) one by one; sourceName and errorCode without.
  (2 + 2 + 4 + 2 + 4) +
  1;

/** Why the file breaks a limit, as a sentence for the control API; null when it keeps them. */
export function fileLimitProblem(
  entities: readonly ParsedEntity[],
  limits: FileLimits,
  referenceData: ReferenceData,
): string | null {
  // Step 1: the number of entities.
  if (entities.length > limits.maxEntitiesPerFile) {
    return (
      `the file holds ${entities.length} entities; the simulator accepts at most ` +
      `${limits.maxEntitiesPerFile} per file (limit maxEntitiesPerFile). Split it into batches`
    );
  }

  // Step 2: the shape of each entity, which bounds the cost of everything after.
  for (const entity of entities) {
    const shape = measureShape(entity.data, limits.maxNestingDepth, limits.maxValuesPerEntity);
    if (shape.depth > limits.maxNestingDepth) {
      return (
        `${name(entity)} nests objects and arrays more than ${limits.maxNestingDepth} levels ` +
        'deep (limit maxNestingDepth). Flatten the entity'
      );
    }
    if (shape.values > limits.maxValuesPerEntity) {
      return (
        `${name(entity)} holds more than ${limits.maxValuesPerEntity} JSON values (limit ` +
        'maxValuesPerEntity). Check the extract for a runaway list'
      );
    }
  }

  // Step 3: the validation errors the entities' own fields would produce, as rendered.
  const bytes = reportBytes(entities, limits.maxValidationReportBytes, referenceData);
  if (bytes > limits.maxValidationReportBytes) {
    return (
      `the entities' own fields would produce more than ${limits.maxValidationReportBytes} ` +
      'bytes of validationErrors (limit maxValidationReportBytes; each error repeats the ' +
      "entity's key and source). Fix the problem the errors share, or split the file"
    );
  }
  return null;
}

/**
 * The bytes of `validationErrors` from field rules alone (V-1…V-5, V-11…V-13), counted until
 * they pass `stopAbove`. Rules that depend on the tenant or on other entities (V-6…V-10) add
 * at most two errors per entity, judged when validation really runs.
 */
function reportBytes(
  entities: readonly ParsedEntity[],
  stopAbove: number,
  referenceData: ReferenceData,
): number {
  let total = 0;
  for (const entity of entities) {
    // Judged alone, against a tenant that holds everything it refers to but not itself.
    const tenant: TenantView = {
      has: (type, key) => type !== entity.type || key !== entity.key,
    };
    const [problems = []] = validateEntities([entity], {
      tenant,
      sameFileReferences: false,
      referenceData,
    });
    if (problems.length === 0) continue;

    const echoed =
      entity.type.length + jsonLength(entity.key) + jsonLength(originalSource(entity), stopAbove);
    for (const problem of problems) {
      total +=
        ITEM_OVERHEAD +
        echoed +
        jsonLength(problem.fieldName) +
        problem.errorCode.length +
        jsonLength(problem.errorValue, stopAbove) +
        jsonLength(problem.errorMessage);
      if (total > stopAbove) return total;
    }
  }
  return total;
}

/** What the status object echoes as `originalSource`: the entity's own `source` object. */
function originalSource(entity: ParsedEntity): unknown {
  const source = ownValue(entity.data, 'source');
  return typeof source === 'object' && source !== null && !Array.isArray(source) ? source : null;
}

function name(entity: ParsedEntity): string {
  const { keyField } = ENTITY_TYPE_INFO[entity.type];
  return `the ${entity.type} entity with ${keyField} ${describeValue(entity.key)}`;
}
