/**
 * What a loan contract must satisfy on its own (V-3…V-5, V-13). Its person (V-9) and the
 * uniqueness of its key (V-10) are judged across entities in validate-entities.ts.
 */
import { ENTITY_TYPE_INFO } from '../entity-types.js';
import type { ReferenceData } from '../reference-data.js';
import type { ValidationProblem } from '../validation-problem.js';
import {
  checkArray,
  checkCode,
  checkDate,
  checkMoney,
  checkObject,
  checkPositiveInteger,
  checkString,
  forEachObjectItem,
} from './field-checks.js';
import { fieldOf, ProblemSink, type Field } from './problem-sink.js';

export function contractProblems(
  data: Readonly<Record<string, unknown>>,
  referenceData: ReferenceData,
): ValidationProblem[] {
  const sink = new ProblemSink(ENTITY_TYPE_INFO['LOAN.CONTRACT'].codePrefix);
  const at = (leaf: string): Field => fieldOf(data, leaf);

  checkString(sink, at('externalPersonId'));
  checkObject(sink, at('source'), 'an object');
  checkString(sink, at('loanTypeCode'));
  checkString(sink, at('statusCode'));
  checkMoney(sink, at('contractMoney'), 'required');

  const startDate = checkDate(sink, at('startDate'), 'required');
  const endField = at('endDate');
  const endDate = checkDate(sink, endField, 'required');
  // Dates YYYY-MM-DD compare correctly as strings.
  if (startDate !== undefined && endDate !== undefined && startDate > endDate) {
    sink.invalid(endField, 'V-3', `a date on or after startDate ${startDate}`);
  }

  checkPositiveInteger(sink, at('period'));

  const components = at('components');
  const items = checkArray(sink, components, 'required', true);
  forEachObjectItem(sink, components, items ?? [], (record, path) => {
    checkCode(sink, fieldOf(record, 'componentTypeCode', path), referenceData.componentTypeCodes);
  });
  return sink.problems;
}
