/**
 * What an account must satisfy on its own (V-3…V-5, V-13). Its person (V-7) and the
 * uniqueness of its key (V-10) are judged across entities in validate-entities.ts.
 */
import { ENTITY_TYPE_INFO } from '../entity-types.js';
import type { ReferenceData } from '../reference-data.js';
import type { ValidationProblem } from '../validation-problem.js';
import {
  checkArray,
  checkCode,
  checkCurrencyCode,
  checkDate,
  checkMoney,
  checkString,
  forEachObjectItem,
} from './field-checks.js';
import { fieldOf, ProblemSink, type Field } from './problem-sink.js';

export function accountProblems(
  data: Readonly<Record<string, unknown>>,
  referenceData: ReferenceData,
): ValidationProblem[] {
  const sink = new ProblemSink(ENTITY_TYPE_INFO['ACCOUNT.ACCOUNT'].codePrefix);
  const at = (leaf: string): Field => fieldOf(data, leaf);

  checkString(sink, at('externalPersonId'));
  checkCode(sink, at('statusCode'), referenceData.accountStatusCodes);
  checkCode(sink, at('accountTypeCode'), referenceData.accountTypeCodes);
  checkDate(sink, at('activationDate'), 'required');
  checkCurrencyCode(sink, at('currencyCode'));
  checkMoney(sink, at('overdraftAmount'), 'optional');

  const limits = at('limits');
  const items = checkArray(sink, limits, 'optional');
  forEachObjectItem(sink, limits, items ?? [], (record, path) => {
    checkMoney(sink, fieldOf(record, 'amount', path), 'optional');
  });
  return sink.problems;
}
