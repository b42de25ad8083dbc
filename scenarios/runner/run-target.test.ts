import { describe, expect, it } from 'vitest';
import { providerTarget, scenarioTarget, simulatorTarget } from './run-target.js';

const URL = 'http://127.0.0.1:4010';

describe('the run id that replaces {run}', () => {
  it('is new for every run, against a provider and against a simulator', () => {
    const ids = [providerTarget(URL), providerTarget(URL), simulatorTarget(URL)].map(
      (target) => target.runId,
    );

    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{10,12}$/);
  });

  it('is the run id and the scenario number for each scenario, so no two scenarios share it', () => {
    const run = providerTarget(URL);
    const scenarios = [0, 1, 11].map((index) => scenarioTarget(run, index).runId);

    expect(scenarios).toEqual([`${run.runId}-1`, `${run.runId}-2`, `${run.runId}-12`]);
  });

  it('leaves everything else of the target as it is', () => {
    const run = simulatorTarget(URL, 'secret');
    const { runId: _scenarioRunId, ...scenario } = scenarioTarget(run, 4);
    const { runId: _runId, ...rest } = run;

    expect(scenario).toEqual(rest);
    expect(scenarioTarget(run, 4).client).toBe(run.client);
  });
});
