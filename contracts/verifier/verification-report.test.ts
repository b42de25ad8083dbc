import { describe, expect, it } from 'vitest';
import type { StateRecord } from './state-change-server.js';
import { readVerificationReport } from './verification-report.js';

const BETWEEN = 'Verifying a pact between dashboard and tuum-data-import-api';
const STATE_FAILED = 'One or more of the setup state change handlers has failed';

function report(fields: Record<string, unknown>): string {
  return JSON.stringify({ result: false, errors: [], pendingErrors: [], ...fields });
}

function failedSetUp(state: string, outcome: StateRecord['outcome'], message: string): StateRecord {
  return { state, params: { status: 'FAILED' }, action: 'setup', outcome, message };
}

describe('readVerificationReport', () => {
  it('names the consumer of each interaction from the local pact files', () => {
    const json = report({
      result: true,
      interactionResults: [{ description: 'a read', duration: '12ms', result: 'Ok' }],
    });

    const { interactions } = readVerificationReport(
      json,
      [],
      [{ consumer: 'dashboard', description: 'a read' }],
    );

    expect(interactions).toEqual([
      {
        consumer: 'dashboard',
        description: 'a read',
        outcome: 'passed',
        pending: false,
        duration: '12ms',
        reason: null,
        mismatches: [],
      },
    ]);
  });

  it('lists each mismatch of a failed interaction, naming its consumer from the failure', () => {
    const json = report({
      interactionResults: [{ description: 'a read', result: 'Error' }],
      errors: [
        {
          interaction: `${BETWEEN} Given a tenant holds a person - a read`,
          mismatch: {
            type: 'mismatches',
            mismatches: [
              { type: 'StatusMismatch', mismatch: 'expected 200 but was 404' },
              { type: 'BodyMismatch', path: '$.data', mismatch: 'Type mismatch' },
            ],
          },
        },
      ],
    });

    const [outcome] = readVerificationReport(json, [], []).interactions;

    expect(outcome).toMatchObject({
      consumer: 'dashboard',
      outcome: 'failed',
      mismatches: ['StatusMismatch: expected 200 but was 404', '$.data: Type mismatch'],
    });
  });

  it('takes the reason of a failed state from the set-up of the same state name', () => {
    const json = report({
      interactionResults: [
        { description: 'a login', result: 'Error' },
        { description: 'a retry', result: 'Error' },
      ],
      errors: [
        {
          interaction: `${BETWEEN} Given a user exists - a login`,
          mismatch: { type: 'error', message: STATE_FAILED },
        },
        {
          interaction: `${BETWEEN} Given an import process exists in status - a retry`,
          mismatch: { type: 'error', message: STATE_FAILED },
        },
      ],
    });
    // The verifier ran the retry's state first: the names, not the order, pair them up.
    const records = [
      failedSetUp(
        'an import process exists in status',
        'needs-simulator',
        'needs simulator: FAILED',
      ),
      failedSetUp('a user exists', 'failed', 'The simulator refuses user "x"'),
    ];

    const { interactions } = readVerificationReport(json, records, []);

    expect(interactions.map((item) => [item.description, item.outcome, item.reason])).toEqual([
      [
        'a login',
        'failed',
        'state "a user exists" {"status":"FAILED"}: The simulator refuses user "x"',
      ],
      [
        'a retry',
        'not-verifiable',
        'needs simulator: FAILED (state "an import process exists in status" {"status":"FAILED"})',
      ],
    ]);
  });

  it('reports a failure outside any interaction, such as a pact that could not be loaded', () => {
    const json = report({
      interactionResults: [],
      errors: [
        { interaction: 'Failed to load pact', mismatch: { type: 'error', message: 'HTTP 404' } },
      ],
    });

    expect(readVerificationReport(json, [], [])).toEqual({
      interactions: [],
      failures: ['Failed to load pact: HTTP 404'],
    });
  });

  it('marks failures of pending pacts as pending', () => {
    const json = report({
      interactionResults: [{ description: 'a read', result: 'Error' }],
      pendingErrors: [
        { interaction: `${BETWEEN} - a read`, mismatch: { type: 'mismatches', mismatches: [] } },
      ],
    });

    expect(readVerificationReport(json, [], []).interactions).toMatchObject([
      { outcome: 'failed', pending: true },
    ]);
  });
});
