/**
 * Collects the problems of one entity. A field is addressed by its path in the entity (for
 * `fieldName`) and by its leaf JSON name (for the code), so rules never build codes by hand.
 */
import type { ValidationProblem } from '../validation-problem.js';
import { describeValue, ownValue } from './json-values.js';
import { fieldCode, type RuleId } from './problem-codes.js';

export interface Field {
  /** Path in the entity: `addresses[0].countryCode`. */
  readonly path: string;
  /** The JSON field name the code is named after: `countryCode`. */
  readonly leaf: string;
  readonly value: unknown;
}

/** The field `leaf` of `record`, which sits at `parentPath` in the entity ('' at the top). */
export function fieldOf(
  record: Readonly<Record<string, unknown>>,
  leaf: string,
  parentPath = '',
): Field {
  const path = parentPath === '' ? leaf : `${parentPath}.${leaf}`;
  return { path, leaf, value: ownValue(record, leaf) };
}

/** Item `index` of an array field; its problems are coded after the array's name. */
export function itemOf(array: Field, index: number, value: unknown): Field {
  return { path: `${array.path}[${index}]`, leaf: array.leaf, value };
}

export class ProblemSink {
  readonly problems: ValidationProblem[] = [];

  constructor(private readonly prefix: string) {}

  /** A required field is absent, `null` or an empty string (V-3). */
  missing(field: Field, expectation: string): void {
    this.problems.push({
      rule: 'V-3',
      fieldName: field.path,
      errorCode: fieldCode(this.prefix, field.leaf, 'Missing'),
      errorValue: null,
      errorMessage: `${field.path} is required and must be ${expectation}; got ${describeValue(field.value)}.`,
    });
  }

  /** A field is present but of the wrong JSON type, format or value. */
  invalid(
    field: Field,
    rule: RuleId,
    expectation: string,
    found = describeValue(field.value),
  ): void {
    this.problems.push({
      rule,
      fieldName: field.path,
      errorCode: fieldCode(this.prefix, field.leaf, 'Invalid'),
      errorValue: field.value,
      errorMessage: `${field.path} must be ${expectation}; got ${found}.`,
    });
  }

  /** A problem with a code of its own (V-1, V-2, V-6…V-12). */
  add(problem: ValidationProblem): void {
    this.problems.push(problem);
  }
}
