import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StatusObject, ValidationErrorItem } from '../../../api/wire-types.js';
import type { CheckStep } from '../../format/scenario-schema.js';
import { deepDiff } from '../compare.js';
import { suffixKeysInStatus } from '../key-suffix.js';
import { withRunId } from '../resolve-content.js';
import type { Mismatch } from '../scenario-result.js';
import { observe, processId, type StepContext, type StepReport } from './step-context.js';

/** Ids a provider chooses: a documented response is compared on whether each is null. */
const PROVIDER_IDS = new Set([
  'importProcessId',
  'validationId',
  'dispatchId',
  'validationStatusId',
  'dispatchStatusId',
]);

/** Free text that clients must not depend on (the docs show null, the simulator a sentence). */
const FREE_TEXT = new Set(['errorMessage']);

/** Reads the status once (H-2) and compares the parts of it the step names. */
export async function runCheck(context: StepContext, step: CheckStep): Promise<StepReport> {
  const id = processId(context, step.process) ?? step.process;
  const response = await context.target.client.status(id);
  observe(context, response);
  const label = `check ${step.process}${step.status === undefined ? '' : ` is ${step.status}`}`;
  const rules = ['H-2', 'C-1', 'C-2', 'C-3', 'C-4'];
  const status = response.data;
  if (response.status !== 200 || status === null) {
    return {
      label,
      response,
      rules,
      mismatches: [{ path: 'HTTP status', expected: 200, actual: response.status }],
    };
  }

  const mismatches: Mismatch[] = [];
  if (step.status !== undefined && status.statusCode !== step.status) {
    mismatches.push({ path: 'statusCode', expected: step.status, actual: status.statusCode });
  }
  mismatches.push(...compareRows('validationStatus', status.validationStatus, step.validation));
  if (step.dispatch === null && status.dispatchStatus !== null) {
    mismatches.push({ path: 'dispatchStatus', expected: null, actual: status.dispatchStatus });
  } else if (step.dispatch !== undefined && step.dispatch !== null) {
    mismatches.push(...compareRows('dispatchStatus', status.dispatchStatus, step.dispatch));
  }
  if (step.errors !== undefined) {
    const items = status.validationErrors ?? [];
    mismatches.push(...compareErrors(step.errors, items, step.errorsExactly ?? true));
  }
  if (step.matches !== undefined) {
    const file = resolve(context.loaded.dir, step.matches);
    const { keySuffix } = context.loaded.scenario;
    mismatches.push(...compareWithDocument(status, file, context.target.runId, keySuffix));
  }
  return { label, response, mismatches, rules };
}

function compareRows(
  field: 'validationStatus' | 'dispatchStatus',
  rows: ReadonlyArray<{ sourceName: string }> | null,
  expected: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>> | undefined,
): Mismatch[] {
  if (expected === undefined) return [];
  if (rows === null) return [{ path: field, expected: 'rows', actual: null }];
  const mismatches: Mismatch[] = [];
  for (const [type, fields] of Object.entries(expected)) {
    const row = rows.find((candidate) => candidate.sourceName === type) as
      Record<string, unknown> | undefined;
    if (row === undefined) {
      mismatches.push({ path: `${field}[${type}]`, expected: 'a row', actual: 'none' });
      continue;
    }
    for (const [name, value] of Object.entries(fields ?? {})) {
      if (row[name] !== value) {
        mismatches.push({ path: `${field}[${type}].${name}`, expected: value, actual: row[name] });
      }
    }
  }
  return mismatches;
}

interface ExpectedError {
  key: string;
  code: string;
  field?: string | null | undefined;
  value?: unknown;
}

function compareErrors(
  expected: readonly ExpectedError[],
  items: readonly ValidationErrorItem[],
  exactly: boolean,
): Mismatch[] {
  const remaining = [...items];
  const mismatches: Mismatch[] = [];
  for (const want of expected) {
    const index = remaining.findIndex(
      (item) =>
        item.source.sourceRef === want.key &&
        item.errorCode === want.code &&
        (want.field === undefined || item.fieldName === want.field) &&
        (want.value === undefined || deepDiff(want.value, item.errorValue).length === 0),
    );
    if (index === -1) {
      mismatches.push({ path: 'validationErrors', expected: want, actual: summarize(items) });
      continue;
    }
    remaining.splice(index, 1);
  }
  if (exactly && remaining.length > 0) {
    mismatches.push({
      path: 'validationErrors (unexpected)',
      expected: [],
      actual: summarize(remaining),
    });
  }
  return mismatches;
}

function summarize(items: readonly ValidationErrorItem[]): unknown[] {
  return items.map((item) => ({
    key: item.source.sourceRef,
    code: item.errorCode,
    field: item.fieldName,
    value: item.errorValue,
  }));
}

/**
 * Compares with a documented response. The keys it echoes get the scenario's key suffix, as
 * the payloads do, and `{run}` is replaced in it.
 */
function compareWithDocument(
  status: StatusObject,
  file: string,
  runId: string,
  keySuffix: string | undefined,
): Mismatch[] {
  const text = withRunId(readFileSync(file, 'utf8'), runId);
  const document = JSON.parse(text) as { data?: unknown };
  const expected = suffixKeysInStatus(
    (document.data ?? document) as Record<string, unknown>,
    keySuffix,
  );
  const { source: _expectedSource, ...expectedRest } = expected;
  const { source: _actualSource, ...actualRest } = status;
  return deepDiff(expectedRest, actualRest, { ignore: FREE_TEXT, presenceOnly: PROVIDER_IDS });
}
