/**
 * What a transaction must satisfy on its own (V-3…V-5, V-11, V-13). Its account (V-8) and
 * the uniqueness of its key (V-10) are judged across entities in validate-entities.ts.
 */
import { ENTITY_TYPE_INFO } from '../entity-types.js';
import type { ReferenceData } from '../reference-data.js';
import type { ValidationProblem } from '../validation-problem.js';
import {
  checkCode,
  checkDate,
  checkDateTime,
  checkFiniteNumber,
  checkJsonString,
  checkMoney,
  checkString,
} from './field-checks.js';
import { TRANSACTION_VALUE_DATE_AFTER_POSTING_DATE } from './problem-codes.js';
import { fieldOf, ProblemSink, type Field } from './problem-sink.js';

export function transactionProblems(
  data: Readonly<Record<string, unknown>>,
  referenceData: ReferenceData,
): ValidationProblem[] {
  const sink = new ProblemSink(ENTITY_TYPE_INFO['ACCOUNT.ACCOUNT_TRANSACTION'].codePrefix);
  const at = (leaf: string): Field => fieldOf(data, leaf);

  checkString(sink, at('externalAccountId'));
  checkString(sink, at('groupId'));
  checkCode(sink, at('transactionTypeCode'), referenceData.transactionTypeCodes);
  checkMoney(sink, at('amount'), 'required');
  checkFiniteNumber(sink, at('initialBalanceAmount'));

  const valueDate = checkDate(sink, at('valueDate'), 'required');
  const postingDate = checkDate(sink, at('postingDate'), 'required');
  // Dates YYYY-MM-DD compare correctly as strings.
  if (valueDate !== undefined && postingDate !== undefined && valueDate > postingDate) {
    sink.add({
      rule: 'V-11',
      fieldName: 'valueDate',
      errorCode: TRANSACTION_VALUE_DATE_AFTER_POSTING_DATE,
      errorValue: valueDate,
      errorMessage: `valueDate ${valueDate} must not be after postingDate ${postingDate}.`,
    });
  }

  checkJsonString(sink, at('merchantInfo'));
  checkJsonString(sink, at('metaInfo'));
  checkDateTime(sink, at('transactionDTime'));
  return sink.problems;
}
