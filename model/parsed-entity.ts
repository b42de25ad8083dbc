import type { EntityType } from './entity-types.js';

/** An entity as technical validation extracted it from an import file. */
export interface ParsedEntity {
  readonly type: EntityType;
  /** The value of the type's key field: always a non-empty string. */
  readonly key: string;
  /** The element exactly as it stood in the file. */
  readonly data: Readonly<Record<string, unknown>>;
}
