import { formatJunitXml, type JunitCase } from '../../scenarios/report/junit-xml.js';
import type { ExploreResult } from '../runner/explore.js';
import { describeBroken, formatExploreFailure } from './format-explore.js';

const CLASSNAME = 'import-harness.explore';

/**
 * JUnit XML of an exploration: one test case per generated case, named by its number, the
 * seed and its fast-check path (`explore --seed S --runs N` generates case N again). The
 * failing case carries the human failure report: what broke, the request, the diff, the
 * answer, the shrunk scenario file and the commands that reproduce it.
 */
export function formatExploreJunit(
  result: ExploreResult,
  durationsMs: readonly number[] = [],
): string {
  const cases: JunitCase[] = [];
  for (let number = 1; number <= result.runs; number++) {
    const durationMs = durationsMs[number - 1];
    cases.push({
      classname: CLASSNAME,
      name: caseName(number, result.seed),
      ...(durationMs === undefined ? {} : { durationMs }),
      outcome: { kind: 'passed' },
    });
  }

  // The failing case is the last one run: the explorer stops at the first failure.
  const found = result.failure;
  const last = cases.at(-1);
  if (found !== null && last !== undefined) {
    cases[cases.length - 1] = {
      ...last,
      file: found.file,
      outcome: {
        kind: 'failed',
        message: describeBroken(found.failure),
        type: 'ExploreFailure',
        text: formatExploreFailure(result),
      },
    };
  }

  return formatJunitXml({
    name: 'import-harness explore',
    durationMs: result.durationMs,
    properties: [
      ['seed', String(result.seed)],
      ['target', result.target.url ?? 'embedded simulator'],
      ['explore again', result.command],
    ],
    cases,
  });
}

/** `case 17 (seed 7, path 16)`: fast-check's path of a generated case is its index. */
export function caseName(number: number, seed: number): string {
  return `case ${number} (seed ${seed}, path ${number - 1})`;
}
