/**
 * Randomised exploration: generated cases run against a target until one fails; that one is
 * shrunk, written out as a scenario file, and handed back with what `replay` needs to see
 * it fail again. The core does not print: progress and results go to the caller.
 */
import fc from 'fast-check';
import { isHarnessError } from '../../errors/harness-error.js';
import { startSimulator } from '../../simulator/start-simulator.js';
import { buildCase, type BuildOptions, type GeneratedCase } from '../generators/build-case.js';
import { caseArbitrary, DEFAULT_CASE_OPTIONS } from '../generators/case-arbitrary.js';
import { minimizePlan } from '../generators/minimize-plan.js';
import type { ExploreTarget } from './explore-target.js';
import { runCase, type CaseFailure } from './run-case.js';
import { saveCounterexample, type SavedCounterexample } from './save-counterexample.js';

export interface ExploreOptions {
  /** Cases to generate. Default 100. */
  readonly runs?: number;
  /** Seed of the generator; the same seed generates the same cases. Default: random. */
  readonly seed?: number;
  /** A running target; default an embedded simulator started for the run. */
  readonly target?: ExploreTarget;
  /** Most client steps per case. Default 8. */
  readonly maxSteps?: number;
  /** Where a shrunk failing case is written. Default `reports/explore`. */
  readonly outDir?: string;
  /** Whether cases may enter the territory of known findings (see CaseOptions). */
  readonly disputed?: boolean;
  /** Told after each case, and during shrinking. */
  readonly onProgress?: (progress: ExploreProgress) => void;
  /** The command that explores again, for reports; `{seed}` is replaced. */
  readonly command?: string;
}

export interface ExploreProgress {
  readonly phase: 'exploring' | 'shrinking';
  /** Cases run so far in this phase. */
  readonly done: number;
  readonly total: number;
}

export interface ExploreFailure extends SavedCounterexample {
  /** The shrunk case and why it fails. */
  readonly generated: GeneratedCase;
  readonly failure: CaseFailure;
  readonly shrinks: number;
}

export interface ExploreResult {
  readonly seed: number;
  /** The command that explores the same cases again. */
  readonly command: string;
  /** Cases run before the first failure (or all of them). */
  readonly runs: number;
  /** Processes the target accepted over the whole run, shrinking included. */
  readonly processes: number;
  /** The target's URL, or null for the embedded simulator. */
  readonly target: { readonly kind: ExploreTarget['kind']; readonly url: string | null };
  readonly failure: ExploreFailure | null;
  readonly durationMs: number;
}

export const DEFAULT_EXPLORE_OPTIONS = { runs: 100, outDir: 'reports/explore' } as const;

export async function explore(options: ExploreOptions = {}): Promise<ExploreResult> {
  const started = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);

  // The target: the one given, or an embedded simulator for this run only.
  const embedded = options.target === undefined ? await startSimulator({ pace: 'instant' }) : null;
  const target: ExploreTarget = options.target ?? { kind: 'simulator', url: embedded?.url ?? '' };
  try {
    const exploration = new Exploration(target, seed, options);
    const failure = await exploration.run();
    return {
      seed,
      command: exploration.command,
      runs: exploration.runsBeforeFailure,
      processes: exploration.processes,
      target: { kind: target.kind, url: embedded === null ? target.url : null },
      failure,
      durationMs: Date.now() - started,
    };
  } finally {
    await embedded?.close();
  }
}

/** One exploration: its counters, the cases it runs, and the failure it shrinks. */
class Exploration {
  processes = 0;
  readonly command: string;
  readonly #target: ExploreTarget;
  readonly #seed: number;
  readonly #options: ExploreOptions;
  readonly #runs: number;
  readonly #build: BuildOptions;
  /** Run ids per case keep a provider's keys and batches apart between cases. */
  readonly #runBase = Date.now().toString(36);
  #cases = 0;
  #failedAt: number | null = null;

  constructor(target: ExploreTarget, seed: number, options: ExploreOptions) {
    this.#target = target;
    this.#seed = seed;
    this.#options = options;
    this.#runs = options.runs ?? DEFAULT_EXPLORE_OPTIONS.runs;
    const control = target.kind === 'simulator';
    this.#build = { control, keySuffix: control ? '' : '-{run}' };
    this.command = (options.command ?? 'import-harness explore --seed {seed}').replaceAll(
      '{seed}',
      String(seed),
    );
  }

  get runsBeforeFailure(): number {
    return this.#failedAt ?? this.#cases;
  }

  async run(): Promise<ExploreFailure | null> {
    // Step 1: generated cases until one fails, which fast-check then shrinks.
    const shrunk = await this.#search();
    if (shrunk === null) return null;

    // Step 2: a second pass drops single steps and entities that fast-check could not.
    let smallest = { generated: shrunk.generated, failure: shrunk.failure };
    const minimized = await minimizePlan(shrunk.generated.plan, async (plan) => {
      const generated = buildCase(plan, this.#build);
      const failure = await this.#runCase(generated);
      if (failure === null || !sameFailure(failure, shrunk.failure)) return false;
      smallest = { generated, failure };
      return true;
    });

    // Step 3: the smallest case, written out and replayed once to be sure.
    const shrinks = shrunk.shrinks + minimized.removals;
    const saved = await saveCounterexample(
      smallest,
      {
        target: this.#target,
        external: this.#options.target !== undefined,
        outDir: this.#options.outDir ?? DEFAULT_EXPLORE_OPTIONS.outDir,
        name: `explore-${this.#seed}`,
      },
      { exploreCommand: this.command, shrinks },
    );
    return { ...smallest, shrinks, ...saved };
  }

  /** The property: a case passes when the oracle and the invariants agree with it. */
  async #search(): Promise<{
    generated: GeneratedCase;
    failure: CaseFailure;
    shrinks: number;
  } | null> {
    const failures = new WeakMap<GeneratedCase, CaseFailure>();
    const aborted: { error: Error | null } = { error: null };
    // A history disagreement cannot be replayed: exploring goes on for one that can, and
    // reports it only if none turns up.
    const deferred: {
      history: { generated: GeneratedCase; failure: CaseFailure; at: number } | null;
    } = { history: null };
    const arbitrary = caseArbitrary({
      ...this.#build,
      maxSteps: this.#options.maxSteps ?? DEFAULT_CASE_OPTIONS.maxSteps,
      disputed: this.#options.disputed ?? false,
    });
    const property = fc.asyncProperty(arbitrary, async (generated) => {
      if (aborted.error !== null) return true;
      try {
        const failure = await this.#runCase(generated);
        if (failure?.kind === 'history') {
          deferred.history ??= { generated, failure, at: this.#cases };
          return true;
        }
        if (failure !== null) failures.set(generated, failure);
        return failure === null;
      } catch (error) {
        // An unreachable target ends the run: it is not a finding about the target.
        if (isHarnessError(error)) aborted.error = error;
        throw error;
      }
    });
    const details = await fc.check(property, { numRuns: this.#runs, seed: this.#seed });
    if (aborted.error !== null) throw aborted.error;

    const counterexample = details.counterexample?.[0];
    if (!details.failed || counterexample === undefined) {
      const history = deferred.history;
      if (history === null) return null;
      this.#failedAt = history.at;
      return { generated: history.generated, failure: history.failure, shrinks: 0 };
    }
    const failure = failures.get(counterexample) ?? (await this.#runCase(counterexample));
    if (failure === null) {
      // A property that threw is a bug of the explorer, not a finding.
      throw details.errorInstance instanceof Error
        ? details.errorInstance
        : new Error('explore: the shrunk case passed when run again');
    }
    return { generated: counterexample, failure, shrinks: details.numShrinks };
  }

  async #runCase(generated: GeneratedCase): Promise<CaseFailure | null> {
    this.#cases += 1;
    const outcome = await runCase(generated, this.#target, `${this.#runBase}-${this.#cases}`);
    this.processes += outcome.processes;
    if (outcome.failure !== null && outcome.failure.kind !== 'history') {
      this.#failedAt ??= this.#cases;
    }
    this.#report();
    return outcome.failure;
  }

  #report(): void {
    const onProgress = this.#options.onProgress;
    if (onProgress === undefined) return;
    if (this.#failedAt === null) {
      onProgress({ phase: 'exploring', done: this.#cases, total: this.#runs });
    } else {
      onProgress({ phase: 'shrinking', done: this.#cases - this.#failedAt, total: 0 });
    }
  }
}

/** Whether a smaller case fails the same way: same kind, a rule in common. */
function sameFailure(candidate: CaseFailure, original: CaseFailure): boolean {
  if (candidate.kind !== original.kind) return false;
  if (original.rules.length === 0) return true;
  return candidate.rules.some((rule) => original.rules.includes(rule));
}
