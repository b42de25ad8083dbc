/**
 * The rules that judge an entity on its own fields alone (V-1…V-5, V-11…V-13): they need
 * nothing but the entity's data and the reference data, so they run as the file is read.
 */
import type { EntityType } from '../entity-types.js';
import type { ReferenceData } from '../reference-data.js';
import type { ValidationProblem } from '../validation-problem.js';
import { accountProblems } from './account-rules.js';
import { contractProblems } from './contract-rules.js';
import { personProblems } from './person-rules.js';
import { transactionProblems } from './transaction-rules.js';

type FieldRules = (
  data: Readonly<Record<string, unknown>>,
  referenceData: ReferenceData,
) => ValidationProblem[];

const FIELD_RULES: Readonly<Record<EntityType, FieldRules>> = {
  'PERSON.PERSON': personProblems,
  'ACCOUNT.ACCOUNT': accountProblems,
  'ACCOUNT.ACCOUNT_TRANSACTION': transactionProblems,
  'LOAN.CONTRACT': contractProblems,
};

/** Every problem of the entity's own fields; [] when they are all valid. */
export function fieldProblems(
  type: EntityType,
  data: Readonly<Record<string, unknown>>,
  referenceData: ReferenceData,
): ValidationProblem[] {
  return FIELD_RULES[type](data, referenceData);
}
