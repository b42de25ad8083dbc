import { describe, expect, it } from 'vitest';
import { FAILED_EXPLORATION, PASSED_EXPLORATION } from '../../test/support/report-fixtures.js';
import { formatExploreJson } from './format-explore-json.js';

describe('formatExploreJson', () => {
  it('summarises a run: seed, runs asked for, cases run, processes and time', () => {
    const report: unknown = JSON.parse(formatExploreJson(PASSED_EXPLORATION, 3));

    expect(report).toEqual({
      tool: 'import-harness',
      command: 'explore',
      seed: 7,
      runs: 3,
      cases: 3,
      processes: 11,
      target: { kind: 'simulator', url: null },
      exploreCommand: 'import-harness explore --runs 3 --seed 7',
      passed: 3,
      failed: 0,
      failures: [],
      durationMs: 1250,
    });
  });

  it('lists the failure with what broke, the exchange, the diff and how to reproduce it', () => {
    const report = JSON.parse(formatExploreJson(FAILED_EXPLORATION, 50)) as Record<string, unknown>;

    expect(report).toMatchObject({ runs: 50, cases: 3, passed: 2, failed: 1 });
    expect(report['failures']).toEqual([
      {
        case: 3,
        kind: 'disagreement',
        broken: 'disagreement with the oracle on T-13',
        rules: ['T-13'],
        message: 'the answer differs from the expectation',
        step: { number: 2, label: 'check p1 is PARTIALLY_DONE & <kept>' },
        mismatches: [{ path: 'data.statusCode', expected: 'PARTIALLY_DONE', actual: 'DISCARDED' }],
        request: {
          method: 'GET',
          url: 'http://127.0.0.1:4010/api/v1/import/status/DIM-1',
          headers: {},
          body: null,
        },
        response: { status: 200, body: { errors: null, data: { statusCode: 'DISCARDED' } } },
        earlier: null,
        scenario: 'reports/explore/explore-7.yaml',
        steps: 2,
        shrinks: 12,
        reproduced: true,
        replayCommand: 'import-harness replay reports/explore/explore-7.yaml',
      },
    ]);
  });
});
