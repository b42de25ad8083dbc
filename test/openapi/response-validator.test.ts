import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOpenApiDescription } from '../../api/openapi.js';
import { ResponseValidator, type ObservedResponse } from './response-validator.js';

const validator = new ResponseValidator(loadOpenApiDescription());

const documented = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL(`../../scenarios/library/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

const statusRejected = documented('documented/files/status-rejected.json');
const statusError = documented('refusals/files/status-error.json');

function answer(method: string, path: string, status: number, body: unknown): ObservedResponse {
  return {
    method,
    path,
    status,
    contentType: 'application/json; charset=utf-8',
    text: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** The documented REJECTED answer with some fields of its status object replaced. */
function rejectedWith(data: Record<string, unknown>): unknown {
  return { ...statusRejected, data: { ...(statusRejected['data'] as object), ...data } };
}

function refusal(code: string): unknown {
  const item = { fieldName: null, errorCode: code, errorValue: null, errorMessage: 'Why.' };
  return { errors: [code], validationErrors: [item], data: null };
}

const STATUS = '/api/v1/import/status/DIM-2087';

describe('the response check', () => {
  it('accepts the two documented status answers (examples/status-*.json) for H-2', () => {
    expect(validator.check(answer('GET', STATUS, 200, statusRejected))).toEqual([]);
    expect(validator.check(answer('GET', STATUS, 200, statusError))).toEqual([]);
  });

  it('reports a status object without one of its fields', () => {
    const { dispatchStatus: _left, ...data } = statusRejected['data'] as Record<string, unknown>;

    const problems = validator.check(answer('GET', STATUS, 200, { ...statusRejected, data }));

    expect(problems.join('\n')).toContain("must have required property 'dispatchStatus'");
  });

  it('reports a field the status object does not have', () => {
    const problems = validator.check(answer('GET', STATUS, 200, rejectedWith({ extra: 1 })));

    expect(problems.join('\n')).toContain('must NOT have additional properties');
  });

  it('reports validation fields set before data validation started (section 3)', () => {
    const problems = validator.check(
      answer('GET', STATUS, 200, rejectedWith({ statusCode: 'PARSED' })),
    );

    expect(problems.join('\n')).toContain('/data/validationId must be null');
  });

  it('reports dispatch fields still null once the process is SENDING (section 3)', () => {
    const problems = validator.check(
      answer('GET', STATUS, 200, rejectedWith({ statusCode: 'SENDING' })),
    );

    expect(problems.join('\n')).toContain('/data/dispatchId must be string');
  });

  it('reports an upload answered with another status than INSERTED (T-1)', () => {
    const body = rejectedWith({ statusCode: 'REJECTED' });

    const problems = validator.check(answer('POST', '/api/v2/import', 202, body));

    expect(problems.join('\n')).toContain('/data/statusCode must be equal to constant');
  });

  it('reports a refusal whose code the response does not list', () => {
    const problems = validator.check(
      answer('GET', STATUS, 401, refusal('err.importProcessNotFound')),
    );

    expect(problems.join('\n')).toContain('/errors/0 must be equal to one of the allowed values');
  });

  it('reports a refusal without an explanation item', () => {
    const body = { errors: ['err.authTokenMissing'], validationErrors: [], data: null };

    expect(validator.check(answer('GET', STATUS, 401, body)).join('\n')).toContain(
      '/validationErrors must NOT have fewer than 1 items',
    );
  });

  it('reports a status code the operation does not describe', () => {
    expect(validator.check(answer('GET', STATUS, 409, refusal('err.conflict')))).toEqual([
      'status 409 is not described for GET /api/v1/import/status/{importProcessId}',
    ]);
  });

  it('reports a body that is not JSON', () => {
    const problems = validator.check({
      ...answer('GET', STATUS, 200, 'oops'),
      contentType: 'text/html',
    });

    expect(problems.join('\n')).toContain('content-type is text/html, not application/json');
  });

  it('judges an unknown path by ResourceNotFound and a wrong method by MethodNotAllowed', () => {
    const notFound = refusal('err.resourceNotFound');
    const notAllowed = refusal('err.httpMethodNotAllowed');

    expect(validator.check(answer('GET', '/api/v1/nothing', 404, notFound))).toEqual([]);
    expect(validator.check(answer('GET', '/api/v2/import', 405, notAllowed))).toEqual([]);
    expect(validator.check(answer('GET', '/api/v2/import', 404, notFound)).join('\n')).toContain(
      'must be equal to constant',
    );
  });

  it('judges a 500 from any operation by InternalError', () => {
    const body = refusal('err.internalError');

    expect(validator.check(answer('POST', '/api/v1/import/DIM-1/retry', 500, body))).toEqual([]);
  });
});
