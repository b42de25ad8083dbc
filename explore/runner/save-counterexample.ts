import { loadScenario } from '../../scenarios/format/load-scenario.js';
import { runScenario } from '../../scenarios/runner/run-scenario.js';
import { providerTarget, simulatorTarget } from '../../scenarios/runner/run-target.js';
import type { GeneratedCase } from '../generators/build-case.js';
import type { ExploreTarget } from './explore-target.js';
import type { CaseFailure } from './run-case.js';
import { writeCaseFile } from './write-case-file.js';

export interface SavedCounterexample {
  readonly file: string;
  readonly replayCommand: string;
  /** Whether replaying the written file failed again, as it should. */
  readonly reproduced: boolean;
}

/**
 * Writes a failing case as a scenario file with how it was found, then replays that file
 * against the same target, as `replay` would, to be sure the file itself reproduces it.
 */
export async function saveCounterexample(
  found: { readonly generated: GeneratedCase; readonly failure: CaseFailure },
  where: {
    readonly target: ExploreTarget;
    /** Whether the target was given (not an embedded simulator started for the run). */
    readonly external: boolean;
    readonly outDir: string;
    readonly name: string;
  },
  comment: { readonly exploreCommand: string; readonly shrinks: number },
): Promise<SavedCounterexample> {
  const { target, external, outDir, name } = where;
  const replayCommand =
    `import-harness replay ${outDir}/${name}.yaml` + (external ? ` --target ${target.url}` : '');
  const { failure } = found;
  const file = writeCaseFile(found.generated.scenario, outDir, name, [
    `Found by: ${comment.exploreCommand} (shrunk ${comment.shrinks} times)`,
    `Broken: ${failure.rules.join(', ') || failure.kind} — ${failure.message}`,
    `Reproduce: ${replayCommand}`,
    '',
  ]);

  const replayTarget =
    target.kind === 'provider'
      ? providerTarget(target.url, target.token)
      : simulatorTarget(target.url, target.token);
  const rerun = await runScenario(loadScenario(file), replayTarget);
  return { file, replayCommand, reproduced: rerun.outcome === 'failed' };
}
