import { MatchersV3 } from '@pact-foundation/pact';
import type { ProcessStatus } from '../../model/statuses.js';
import { ENTITY_TYPE_PATTERN, ERROR_CODE_PATTERN, EXAMPLE } from './example-values.js';

const { constrainedArrayLike, eachLike, fromProviderState, integer, regex, string } = MatchersV3;

/** The process id a provider state hands back, never a fixed id. */
export function processIdFromState(): unknown {
  return fromProviderState('${importProcessId}', EXAMPLE.importProcessId);
}

/** Which optional parts of the status object the reference fixes for a status (section 3). */
export interface StatusParts {
  /** Whether the id comes from a provider state (default) or is the provider's new one. */
  readonly fromState?: boolean;
  /** Validation rows and id: null until data validation starts, and on ERROR. */
  readonly validation: 'null' | 'rows';
  /** Validation error items: null, none (`[]`), or at least one. */
  readonly validationErrors: 'null' | 'none' | 'some' | 'any';
  /** Dispatch rows and id: null until the first dispatch. */
  readonly dispatch: 'null' | 'rows';
}

/** The status object (section 3) in `status`, with the parts the reference fixes for it. */
export function statusObjectTemplate(
  status: ProcessStatus,
  parts: StatusParts,
): Record<string, unknown> {
  return {
    importProcessId:
      parts.fromState === false ? string(EXAMPLE.importProcessId) : processIdFromState(),
    source: {
      sourceName: string(EXAMPLE.sourceName),
      sourceRef: string(EXAMPLE.sourceRef),
      sourceLink: null,
    },
    statusCode: status,
    validationId: parts.validation === 'null' ? null : string('DIM-1001'),
    validationStatus: parts.validation === 'null' ? null : fourRows(VALIDATION_ROW),
    ...validationErrors(parts.validationErrors),
    dispatchId: parts.dispatch === 'null' ? null : string('DIM-1006'),
    dispatchStatus: parts.dispatch === 'null' ? null : fourRows(DISPATCH_ROW),
  };
}

/** Always four rows, one per entity type, in an order clients must not depend on. */
function fourRows(row: Record<string, unknown>): unknown {
  return constrainedArrayLike(row, 4, 4, 4);
}

const VALIDATION_ROW = {
  validationStatusId: string('DIM-1002'),
  sourceName: regex(ENTITY_TYPE_PATTERN, 'PERSON.PERSON'),
  statusCode: regex('^(SUCCESS|FAILED)$', 'SUCCESS'),
  entryCount: integer(1),
  processedCount: integer(1),
};

const DISPATCH_ROW = {
  dispatchStatusId: string('DIM-1007'),
  sourceName: regex(ENTITY_TYPE_PATTERN, 'PERSON.PERSON'),
  statusCode: regex('^(IN_PROGRESS|SUCCESS|FAILED)$', 'SUCCESS'),
  entryCount: integer(1),
  dispatchedCount: integer(1),
  ackedCount: integer(1),
  nackedCount: integer(0),
  retryCount: integer(0),
};

const VALIDATION_ERROR = {
  source: {
    sourceName: regex(ENTITY_TYPE_PATTERN, 'PERSON.PERSON'),
    sourceRef: string('PACT-BAD-1'),
  },
  errorCode: regex(ERROR_CODE_PATTERN, 'err.personCustomerTypeInvalid'),
};

function validationErrors(kind: StatusParts['validationErrors']): Record<string, unknown> {
  if (kind === 'any') return {};
  if (kind === 'null') return { validationErrors: null };
  if (kind === 'none') return { validationErrors: [] };
  return { validationErrors: eachLike(VALIDATION_ERROR) };
}
