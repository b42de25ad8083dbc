import { describe, expect, it } from 'vitest';
import type { StatusObject } from '../../api/wire-types.js';
import type { ApiResponse } from '../../client/api-response.js';
import { idOf, person, type TestSimulator, useTestSimulator } from './support.js';

let sim: TestSimulator;

useTestSimulator((started) => (sim = started));

const dim = expect.stringMatching(/^DIM-\d+$/) as unknown;

/** The person behind examples/status-rejected.json: an unknown customer type, no primary id. */
const rejectedPerson = person('0759269-5-OH-54', {
  source: { sourceName: 'SileCube-Persons', sourceRef: 'CN-IM-OH-rep-54', sourceLink: null },
  customerTypeCode: 'someTypeCode',
  identificationNumbers: [{ idNumber: '12123456A123', idCountryCode: 'DE' }],
});

/**
 * examples/status-rejected.json, copied field for field. Ids are the simulator's own; the
 * simulator's errorMessage is a sentence where the docs show null (reference section 3).
 */
const statusRejected = {
  errors: null,
  validationErrors: null,
  data: {
    importProcessId: dim,
    source: { sourceName: 'OG-Swagger', sourceRef: '2', sourceLink: null },
    statusCode: 'REJECTED',
    validationId: dim,
    dispatchId: null,
    validationStatus: [
      {
        validationStatusId: dim,
        sourceName: 'ACCOUNT.ACCOUNT_TRANSACTION',
        statusCode: 'SUCCESS',
        entryCount: 0,
        processedCount: 0,
        message: null,
      },
      {
        validationStatusId: dim,
        sourceName: 'ACCOUNT.ACCOUNT',
        statusCode: 'SUCCESS',
        entryCount: 0,
        processedCount: 0,
        message: null,
      },
      {
        validationStatusId: dim,
        sourceName: 'LOAN.CONTRACT',
        statusCode: 'SUCCESS',
        entryCount: 0,
        processedCount: 0,
        message: null,
      },
      {
        validationStatusId: dim,
        sourceName: 'PERSON.PERSON',
        statusCode: 'FAILED',
        entryCount: 1,
        processedCount: 1,
        message: null,
      },
    ],
    validationErrors: [
      {
        source: { sourceName: 'PERSON.PERSON', sourceRef: '0759269-5-OH-54', sourceLink: null },
        fieldName: 'customerType',
        errorCode: 'err.personCustomerTypeInvalid',
        errorValue: 'someTypeCode',
        errorMessage: expect.any(String) as unknown,
        originalSource: {
          sourceName: 'SileCube-Persons',
          sourceRef: 'CN-IM-OH-rep-54',
          sourceLink: null,
        },
      },
      {
        source: { sourceName: 'PERSON.PERSON', sourceRef: '0759269-5-OH-54', sourceLink: null },
        fieldName: 'identificationNumbers',
        errorCode: 'err.idNumberOnePrimaryRequired',
        errorValue: null,
        errorMessage: expect.any(String) as unknown,
        originalSource: {
          sourceName: 'SileCube-Persons',
          sourceRef: 'CN-IM-OH-rep-54',
          sourceLink: null,
        },
      },
    ],
    dispatchStatus: null,
  },
};

function ids(status: StatusObject | null): string[] {
  return [
    status?.importProcessId ?? '',
    status?.validationId ?? '',
    ...(status?.validationStatus ?? []).map((row) => row.validationStatusId),
  ];
}

describe('the documented status responses', () => {
  const uploads: Array<[string, () => Promise<ApiResponse<StatusObject>>]> = [
    [
      'H-1',
      () =>
        sim.api.upload({
          sourceName: 'OG-Swagger',
          sourceRef: '2',
          parts: [{ content: JSON.stringify({ persons: [rejectedPerson] }) }],
        }),
    ],
    [
      'H-8',
      () =>
        sim.api.uploadJson({
          source: { sourceName: 'OG-Swagger', sourceRef: '2' },
          document: { persons: [rejectedPerson] },
        }),
    ],
  ];

  it.each(uploads)('reproduces examples/status-rejected.json through %s', async (_, upload) => {
    const id = idOf(await upload());

    const response = await sim.api.status(id);

    expect(response.status).toBe(200);
    expect(response.body).toEqual(statusRejected);
    expect(new Set(ids(response.data)).size).toBe(6);
  });

  it('reproduces examples/status-error.json for a file that is not JSON', async () => {
    const upload = await sim.api.upload({
      sourceName: 'OG-Swagger',
      sourceRef: '1',
      parts: [{ content: 'this is not JSON' }],
    });

    const response = await sim.api.status(idOf(upload));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      errors: null,
      validationErrors: null,
      data: {
        importProcessId: idOf(upload),
        source: { sourceName: 'OG-Swagger', sourceRef: '1', sourceLink: null },
        statusCode: 'ERROR',
        validationId: null,
        dispatchId: null,
        validationStatus: null,
        validationErrors: null,
        dispatchStatus: null,
      },
    });
  });
});
