import type {
  DispatchStatusRow,
  StatusObject,
  ValidationErrorItem,
  ValidationStatusRow,
} from '../api/wire-types.js';
import { ROW_ORDER, type EntityType } from './entity-types.js';
import type { ImportEntity, ImportProcess } from './import-process.js';

/**
 * Rendered status objects of processes small enough to keep them for. A process is an
 * immutable value, so its rendering never goes stale; a large one is rendered on each read
 * rather than held, as its validation errors may run to many megabytes.
 */
const rendered = new WeakMap<ImportProcess, StatusObject>();
const KEEP_RENDERED_UP_TO = 10_000;

/**
 * Renders a process as the documented status object (reference section 3). The object may be
 * shared between reads: callers must not change it.
 */
export function toStatusObject(process: ImportProcess): StatusObject {
  const kept = rendered.get(process);
  if (kept !== undefined) return kept;
  const status = render(process);
  if (process.entities.length <= KEEP_RENDERED_UP_TO) rendered.set(process, status);
  return status;
}

function render(process: ImportProcess): StatusObject {
  const byType = groupByType(process.entities);
  const validationStarted = process.validationRowIds !== null;

  return {
    importProcessId: process.id,
    source: process.source,
    statusCode: process.status,
    validationId: process.validationId,
    dispatchId: process.dispatchId,
    validationStatus:
      process.validationRowIds === null ? null : validationRows(process.validationRowIds, byType),
    validationErrors: validationStarted ? validationItems(process.entities) : null,
    dispatchStatus:
      process.dispatchRowIds === null ? null : dispatchRows(process.dispatchRowIds, byType),
  };
}

function groupByType(entities: readonly ImportEntity[]): Map<EntityType, ImportEntity[]> {
  const groups = new Map<EntityType, ImportEntity[]>(ROW_ORDER.map((type) => [type, []]));
  for (const entity of entities) groups.get(entity.type)?.push(entity);
  return groups;
}

function validationRows(
  ids: Readonly<Record<EntityType, string>>,
  byType: Map<EntityType, ImportEntity[]>,
): ValidationStatusRow[] {
  return ROW_ORDER.map((type) => {
    const entities = byType.get(type) ?? [];
    return {
      validationStatusId: ids[type],
      sourceName: type,
      statusCode: entities.some((entity) => entity.problems.length > 0) ? 'FAILED' : 'SUCCESS',
      entryCount: entities.length,
      processedCount: entities.filter((entity) => entity.status !== 'PENDING').length,
      message: null,
    };
  });
}

function dispatchRows(
  ids: Readonly<Record<EntityType, string>>,
  byType: Map<EntityType, ImportEntity[]>,
): DispatchStatusRow[] {
  return ROW_ORDER.map((type) => {
    const entities = byType.get(type) ?? [];
    const count = (test: (entity: ImportEntity) => boolean): number => entities.filter(test).length;
    const nackedCount = count((entity) => entity.lastSend === 'nacked');
    const pending = entities.some((entity) => entity.status === 'SENT');
    return {
      dispatchStatusId: ids[type],
      sourceName: type,
      statusCode: pending ? 'IN_PROGRESS' : nackedCount > 0 ? 'FAILED' : 'SUCCESS',
      entryCount: entities.length,
      dispatchedCount: count((entity) => entity.sends > 0),
      ackedCount: count((entity) => entity.lastSend === 'acked'),
      nackedCount,
      retryCount: entities.reduce((sum, entity) => sum + entity.retrySends, 0),
      message: null,
    };
  });
}

function validationItems(entities: readonly ImportEntity[]): ValidationErrorItem[] {
  return entities.flatMap((entity) =>
    entity.problems.map((problem) => ({
      source: { sourceName: entity.type, sourceRef: entity.key, sourceLink: null },
      fieldName: problem.fieldName,
      errorCode: problem.errorCode,
      errorValue: problem.errorValue,
      errorMessage: problem.errorMessage,
      originalSource:
        entity.sourceJson === null ? null : (JSON.parse(entity.sourceJson) as unknown),
    })),
  );
}
