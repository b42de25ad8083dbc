/**
 * What a status read shows of a process (section 3): rows per entity type with the counters
 * of C-1…C-4, and the validation errors.
 */
import type { EntityType, OracleEntity, OracleProcess, ProcessStatus } from './oracle-state.js';
import { TYPES_IN_ORDER } from './oracle-state.js';

export interface ValidationRowView {
  readonly statusCode: 'SUCCESS' | 'FAILED';
  readonly entryCount: number;
  readonly processedCount: number;
}

export interface DispatchRowView {
  readonly statusCode: 'IN_PROGRESS' | 'SUCCESS' | 'FAILED';
  readonly entryCount: number;
  readonly dispatchedCount: number;
  readonly ackedCount: number;
  readonly nackedCount: number;
  readonly retryCount: number;
}

export interface ErrorView {
  readonly key: string;
  readonly code: string;
  readonly field: string | null;
}

export interface StatusView {
  readonly status: ProcessStatus;
  /** Null until data validation starts, and on ERROR. */
  readonly validation: Readonly<Record<EntityType, ValidationRowView>> | null;
  readonly errors: readonly ErrorView[] | null;
  /** Null until the first dispatch. */
  readonly dispatch: Readonly<Record<EntityType, DispatchRowView>> | null;
}

export function statusView(process: OracleProcess): StatusView {
  const ofType = (type: EntityType): OracleEntity[] =>
    process.entities.filter((entity) => entity.type === type);
  return {
    status: process.status,
    validation: process.validated ? byType((type) => validationRow(ofType(type))) : null,
    errors: process.validated
      ? process.entities.flatMap((entity) =>
          entity.problems.map((problem) => ({
            key: entity.key,
            code: problem.code,
            field: problem.field,
          })),
        )
      : null,
    dispatch: process.dispatched ? byType((type) => dispatchRow(ofType(type))) : null,
  };
}

function validationRow(entities: readonly OracleEntity[]): ValidationRowView {
  return {
    statusCode: entities.some((entity) => entity.problems.length > 0) ? 'FAILED' : 'SUCCESS',
    entryCount: entities.length,
    processedCount: entities.filter((entity) => entity.state !== 'PENDING').length,
  };
}

function dispatchRow(entities: readonly OracleEntity[]): DispatchRowView {
  const count = (test: (entity: OracleEntity) => boolean): number => entities.filter(test).length;
  const nackedCount = count((entity) => entity.last === 'nacked');
  return {
    statusCode: entities.some((entity) => entity.state === 'SENT')
      ? 'IN_PROGRESS'
      : nackedCount > 0
        ? 'FAILED'
        : 'SUCCESS',
    entryCount: entities.length,
    dispatchedCount: count((entity) => entity.sends > 0),
    ackedCount: count((entity) => entity.last === 'acked'),
    nackedCount,
    retryCount: entities.reduce((sum, entity) => sum + entity.retrySends, 0),
  };
}

function byType<T>(row: (type: EntityType) => T): Record<EntityType, T> {
  const rows = {} as Record<EntityType, T>;
  for (const type of TYPES_IN_ORDER) rows[type] = row(type);
  return rows;
}
