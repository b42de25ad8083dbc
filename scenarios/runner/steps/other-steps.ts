import { ENTITY_TYPES } from '../../../model/entity-types.js';
import type { Expectation, ScenarioStep } from '../../format/scenario-schema.js';
import { compareAnswer, sameMembers } from '../compare.js';
import type { Mismatch } from '../scenario-result.js';
import { describeExpect } from './upload-step.js';
import {
  observe,
  processId,
  stepHeaders,
  type StepContext,
  type StepReport,
} from './step-context.js';

type Body<K extends string> = Extract<ScenarioStep, Record<K, unknown>>[K &
  keyof Extract<ScenarioStep, Record<K, unknown>>];

/** A status read (H-2) with an expected answer, e.g. 404 for an unknown id. */
export async function runStatus(context: StepContext, step: Body<'status'>): Promise<StepReport> {
  const id =
    step.process !== undefined
      ? (processId(context, step.process) ?? step.process)
      : (step.id ?? 'DIM-404');
  const expect: Expectation = step.expect ?? { http: 200 };
  const response = await context.target.client.status(id, stepHeaders(context, step, null));
  observe(context, response);
  return {
    label: `status ${step.process ?? id} → ${describeExpect(expect)}`,
    mismatches: compareAnswer(response, expect),
    response,
    rules: ['H-2'],
  };
}

/** The entities created in the tenant, through the control API. */
export async function runCreated(context: StepContext, step: Body<'created'>): Promise<StepReport> {
  const tenant = step.tenant ?? context.tenant;
  const label = `created in ${tenant}`;
  const control = context.target.control;
  if (control === null) return { label, mismatches: [], rules: [] };

  const response = await control.created(tenant);
  const entities = response.data?.entities ?? [];
  const mismatches: Mismatch[] = [];
  for (const type of ENTITY_TYPES) {
    const wanted = step.entities[type];
    const actual = entities.filter((entity) => entity.type === type).map((entity) => entity.key);
    if (wanted === undefined) {
      if ((step.exactly ?? true) && actual.length > 0) {
        mismatches.push({ path: `created ${type}`, expected: [], actual: actual.sort() });
      }
      continue;
    }
    const ok =
      (step.exactly ?? true)
        ? sameMembers(wanted, actual)
        : wanted.every((key) => actual.includes(key));
    if (!ok)
      mismatches.push({
        path: `created ${type}`,
        expected: [...wanted].sort(),
        actual: actual.sort(),
      });
  }
  return { label, mismatches, response, rules: ['C-3'] };
}

/** Advances a held process by one or more transitions, through the control API. */
export async function runAdvance(context: StepContext, step: Body<'advance'>): Promise<StepReport> {
  const times = step.times ?? 1;
  const label = `advance ${step.process}${times > 1 ? ` ×${times}` : ''}`;
  const control = context.target.control;
  const id = processId(context, step.process) ?? step.process;
  if (control === null) return { label, mismatches: [], rules: [] };

  for (let count = 0; count < times; count++) {
    const response = await control.advance(id);
    if (response.status !== 200) {
      return {
        label,
        response,
        rules: [],
        mismatches: [{ path: 'HTTP status', expected: 200, actual: response.status }],
      };
    }
    const status = response.data?.status;
    if (status !== undefined) observe(context, { ...response, data: status });
  }
  return { label, mismatches: [], rules: [] };
}

/** H-7 with the given credentials. */
export async function runAuthorise(
  context: StepContext,
  step: Body<'authorise'>,
): Promise<StepReport> {
  const expect: Expectation = step.expect ?? { http: 200 };
  const response = await context.target.client.authorise(step.username ?? '', step.password ?? '');
  const mismatches = compareAnswer(response, expect);
  const token = (response.data as { token?: unknown } | null)?.token;
  if (expect.http === 200 && (typeof token !== 'string' || token === '')) {
    mismatches.push({ path: 'data.token', expected: 'a non-empty token', actual: token ?? null });
  }
  return { label: `authorise → ${describeExpect(expect)}`, mismatches, response, rules: ['H-7'] };
}

/** Any request, for paths and methods outside the API (404, 405). */
export async function runRequest(context: StepContext, step: Body<'request'>): Promise<StepReport> {
  const path = step.path;
  const response = await context.target.client.raw(
    step.method.toUpperCase(),
    path,
    stepHeaders(context, step, null),
  );
  return {
    label: `${step.method.toUpperCase()} ${path} → ${describeExpect(step.expect)}`,
    mismatches: compareAnswer(response, step.expect),
    response,
    rules: [],
  };
}
