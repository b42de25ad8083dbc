/**
 * Results of explore and verify runs, written by hand, for the tests of their reports: one
 * that passed and one that failed each, with the details a failure carries.
 */
import type {
  InteractionOutcome,
  PactInteraction,
} from '../../contracts/verifier/verification-report.js';
import type { VerificationSummary } from '../../contracts/verifier/verify-provider.js';
import type { GeneratedCase } from '../../explore/generators/build-case.js';
import type { ExploreResult } from '../../explore/runner/explore.js';

export const PASSED_EXPLORATION: ExploreResult = {
  seed: 7,
  command: 'import-harness explore --runs 3 --seed 7',
  runs: 3,
  processes: 11,
  target: { kind: 'simulator', url: null },
  failure: null,
  durationMs: 1250,
};

/** Three cases; the third broke T-13 and was shrunk to a two-step scenario. */
export const FAILED_EXPLORATION: ExploreResult = {
  ...PASSED_EXPLORATION,
  command: 'import-harness explore --runs 50 --out reports/explore --seed 7',
  failure: {
    generated: {
      plan: {},
      scenario: { name: 'explored case', steps: [{}, {}] },
      notes: [],
      histories: [],
    } as unknown as GeneratedCase,
    failure: {
      kind: 'disagreement',
      rules: ['T-13'],
      message: 'the answer differs from the expectation',
      step: { number: 2, label: 'check p1 is PARTIALLY_DONE & <kept>' },
      mismatches: [{ path: 'data.statusCode', expected: 'PARTIALLY_DONE', actual: 'DISCARDED' }],
      exchange: {
        request: {
          method: 'GET',
          url: 'http://127.0.0.1:4010/api/v1/import/status/DIM-1',
          headers: {},
          body: null,
        },
        response: { status: 200, body: { errors: null, data: { statusCode: 'DISCARDED' } } },
      },
      earlier: null,
    },
    shrinks: 12,
    file: 'reports/explore/explore-7.yaml',
    replayCommand: 'import-harness replay reports/explore/explore-7.yaml',
    reproduced: true,
  },
};

function interaction(fields: Partial<InteractionOutcome>): InteractionOutcome {
  return {
    consumer: 'dashboard',
    description: 'a read',
    outcome: 'passed',
    pending: false,
    duration: '38ms',
    reason: null,
    mismatches: [],
    ...fields,
  };
}

/** A passed, a failed, a not verifiable and a pending interaction, and one from a broker. */
export const VERIFICATION: VerificationSummary = {
  provider: { url: 'http://127.0.0.1:4010', kind: 'embedded simulator' },
  interactions: [
    interaction({ description: 'a status read of a REJECTED process' }),
    interaction({
      description: 'a status read that expects an ERROR process to be DONE',
      outcome: 'failed',
      duration: '1s 204ms',
      reason: 'the answer differs from the contract',
      mismatches: ["$.data.statusCode: Expected 'ERROR' (String) to be equal to 'DONE' (String)"],
    }),
    interaction({
      description: 'a retry of a process in FAILED',
      outcome: 'not-verifiable',
      duration: null,
      reason: 'needs simulator: FAILED needs a fault rule',
    }),
    interaction({
      description: 'a login <as "admin">',
      outcome: 'failed',
      pending: true,
      reason: 'the answer differs from the contract',
      mismatches: ['StatusMismatch: expected 200 but was 401'],
    }),
    interaction({ consumer: null, description: 'a read from the broker' }),
  ],
  passed: 2,
  failed: 1,
  notVerifiable: 1,
  durationMs: 4120,
  verifierOutput: '',
};

/** What the local pact file of the `dashboard` consumer says of the interactions above. */
export const DASHBOARD_PACT: readonly PactInteraction[] = [
  {
    consumer: 'dashboard',
    provider: 'tuum-data-import-api',
    description: 'a status read of a REJECTED process',
    states: [{ name: 'an import process exists in status', params: { status: 'REJECTED' } }],
  },
  {
    consumer: 'dashboard',
    provider: 'tuum-data-import-api',
    description: 'a status read that expects an ERROR process to be DONE',
    states: [
      { name: 'an import process exists in status', params: { status: 'ERROR' } },
      { name: 'a tenant holds a person', params: {} },
    ],
  },
  {
    consumer: 'dashboard',
    provider: 'tuum-data-import-api',
    description: 'a retry of a process in FAILED',
    states: [{ name: 'an import process exists in status', params: { status: 'FAILED' } }],
  },
  {
    consumer: 'dashboard',
    provider: 'tuum-data-import-api',
    description: 'a login <as "admin">',
    states: [{ name: 'a user exists', params: {} }],
  },
];
