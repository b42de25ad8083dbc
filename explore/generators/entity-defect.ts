/**
 * Controlled defects: each takes a valid entity and breaks exactly one data-validation rule,
 * stating the one validation error a provider must report for it. Defects of keys and
 * references (V-6…V-10) come from the choice of keys in a file instead
 * (file-plan-arbitrary.ts). The catalogue is entity-defects.ts.
 */
import type { ValidationStatusRow } from '../../api/wire-types.js';

export type EntityType = ValidationStatusRow['sourceName'];
type Data = Record<string, unknown>;

export interface EntityDefect {
  /** Stable name, e.g. `person-no-primary-id`. */
  readonly id: string;
  readonly type: EntityType;
  /** The rule it breaks, `V-1` … `V-13`. */
  readonly rule: string;
  /** Returns a broken copy; the input is left as it was. */
  readonly apply: (entity: Data) => Data;
  /** The one validation error it causes in the broken entity; null when it causes none. */
  readonly error: (broken: Data) => DefectError | null;
  /**
   * Set when the reference leaves the expected answer open to reading: such defects are
   * left out of generated cases unless asked for, and listed in the explorer's findings.
   */
  readonly disputed?: string;
}

export interface DefectError {
  readonly code: string;
  readonly field: string;
}

/** A defect made by changing a copy of the entity in place. */
export function defect(
  type: EntityType,
  id: string,
  rule: string,
  error: DefectError | null | ((broken: Data) => DefectError | null),
  change: (entity: Data) => void,
  disputed?: string,
): EntityDefect {
  return {
    id,
    type,
    rule,
    apply: (entity) => {
      const broken = copyOf(entity);
      change(broken);
      return broken;
    },
    error: typeof error === 'function' ? error : () => error,
    ...(disputed === undefined ? {} : { disputed }),
  };
}

/** A deep copy of a JSON entity, so defects never change the value they were given. */
export function copyOf(entity: Data): Data {
  return structuredClone(entity);
}

/** The array at `field`, copied, or an empty one. */
export function itemsOf(entity: Data, field: string): Data[] {
  const value = entity[field];
  return Array.isArray(value) ? (value as Data[]).map((item) => ({ ...item })) : [];
}
