/**
 * `validate` promises exactly the simulator's technical and data validation. For every
 * scenario of the bundled library's validation and technical folders, the files it imports
 * are uploaded to an embedded simulator and given to `validate` in the same order; the
 * status each reaches, the `ERROR` reason and every validation error must be the same. The
 * errors each scenario states by hand must be among them too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { StatusObject } from '../../api/wire-types.js';
import { loadScenario, type LoadedScenario } from '../../scenarios/format/load-scenario.js';
import type { CheckStep, UploadStep } from '../../scenarios/format/scenario-schema.js';
import { findScenarioFiles } from '../../scenarios/runner/find-scenario-files.js';
import { useTestSimulator, waitForStatus, type TestSimulator } from '../http/support.js';
import { runCliCaptured } from '../support/run-cli.js';

const LIBRARY = fileURLToPath(new URL('../../scenarios/library/', import.meta.url));
const FOLDERS = ['validation', 'technical'];
/** Where an import stops before a client acts, or ends; later statuses come after sending. */
const SETTLED = ['ERROR', 'REJECTED', 'DONE', 'PARTIALLY_DONE', 'FAILED'];

/** What one import reached, in terms both sides can state. */
interface Outcome {
  readonly status: 'ERROR' | 'REJECTED' | 'READY_TO_SEND';
  readonly reason: string | null;
  /** `TYPE KEY FIELD CODE`, sorted. */
  readonly problems: readonly string[];
}

interface Plan {
  readonly scenario: LoadedScenario;
  /** Files imported first (the scenario's `given`), then those of its upload steps. */
  readonly files: readonly string[];
  /** The process name of each upload, by the index of its file in `files`. */
  readonly processes: ReadonlyMap<string, number>;
  readonly sameFileReferences: boolean;
}

/** Where inline `text:` uploads are written for `validate` to read. */
const TEXTS = mkdtempSync(join(tmpdir(), 'ih-validate-'));
const plans = findScenarioFiles(FOLDERS.map((folder) => join(LIBRARY, folder)))
  .map((file) => planOf(loadScenario(file)))
  .filter((plan): plan is Plan => plan !== null);

describe('validate reports what the simulator reports, for the bundled library', () => {
  let sim: TestSimulator;
  useTestSimulator((started) => (sim = started));
  afterAll(() => rmSync(TEXTS, { recursive: true, force: true }));

  it('covers every scenario of the validation folder', () => {
    const all = findScenarioFiles([join(LIBRARY, 'validation')]).length;
    const covered = plans.filter((plan) => plan.scenario.file.includes('/validation/'));
    expect(all).toBeGreaterThan(0);
    expect(covered).toHaveLength(all);
  });

  for (const plan of plans) {
    it(`${plan.scenario.id}: the same statuses, ERROR reasons and validation errors`, async () => {
      // Step 1: the simulator, one file after another, as the scenario imports them.
      await sim.control.configure({ sameFileReferences: plan.sameFileReferences });
      const simulated: Outcome[] = [];
      for (const [index, file] of plan.files.entries()) {
        simulated.push(await importOnSimulator(sim, file, `${plan.scenario.id}-${index}`));
      }

      // Step 2: validate, the same files in the same order.
      const flags = plan.sameFileReferences ? ['--same-file-references'] : [];
      const run = await runCliCaptured('validate', '--format', 'json', ...flags, ...plan.files);
      expect(run.stderr).toBe('');
      const validated = (JSON.parse(run.stdout) as ValidateJson).files.map(outcomeOfJson);

      expect(validated).toEqual(simulated);
      expect(run.exitCode).toBe(simulated.every((o) => o.status === 'READY_TO_SEND') ? 0 : 1);

      // Step 3: the errors the scenario states by hand.
      for (const check of checksOf(plan.scenario)) {
        const index = plan.processes.get(check.process);
        if (index === undefined || check.errors === undefined) continue;
        const found = keyCodes(validated[index]?.problems ?? []);
        const stated = [...new Set(check.errors.map((error) => `${error.key} ${error.code}`))];
        if (check.errorsExactly === false) expect(found).toEqual(expect.arrayContaining(stated));
        else expect(found).toEqual(stated.sort());
      }
    });
  }
});

async function importOnSimulator(sim: TestSimulator, file: string, ref: string): Promise<Outcome> {
  const upload = await sim.api.upload({
    sourceName: 'validate-test',
    sourceRef: ref,
    parts: [{ content: new Uint8Array(readFileSync(file)) }],
  });
  const id = upload.data?.importProcessId;
  if (id === undefined) throw new Error(`the upload of ${file} was refused: ${upload.status}`);
  const status = await waitForStatus(sim.api, id, SETTLED);
  if (status.statusCode === 'ERROR') {
    const inspected = await sim.control.inspect(id);
    return { status: 'ERROR', reason: inspected.data?.technicalError ?? null, problems: [] };
  }
  return {
    status: status.statusCode === 'REJECTED' ? 'REJECTED' : 'READY_TO_SEND',
    reason: null,
    problems: problemsOfStatus(status),
  };
}

function problemsOfStatus(status: StatusObject): string[] {
  return (status.validationErrors ?? [])
    .map(
      (item) =>
        `${item.source.sourceName} ${item.source.sourceRef} ${String(item.fieldName)} ${item.errorCode}`,
    )
    .sort();
}

interface ValidateJson {
  readonly files: ReadonlyArray<{
    readonly status: Outcome['status'];
    readonly reason: string | null;
    readonly problems: ReadonlyArray<{
      type: string;
      key: string;
      fieldName: string | null;
      errorCode: string;
    }>;
  }>;
}

function outcomeOfJson(file: ValidateJson['files'][number]): Outcome {
  return {
    status: file.status,
    reason: file.reason,
    problems: file.problems
      .map((item) => `${item.type} ${item.key} ${String(item.fieldName)} ${item.errorCode}`)
      .sort(),
  };
}

/** `KEY CODE` of each problem, distinct and sorted, as scenario files state errors. */
function keyCodes(problems: readonly string[]): string[] {
  const pairs = problems.map((line) => {
    const [, key, , code] = line.split(' ');
    return `${key ?? ''} ${code ?? ''}`;
  });
  return [...new Set(pairs)].sort();
}

/**
 * The files a scenario imports, when every one is a single file part that `validate` can
 * read too: inline text is written to a temporary file; a scenario with uploads of other
 * kinds (several parts, raw bodies, H-8 documents, refused requests) is left out.
 */
function planOf(scenario: LoadedScenario): Plan | null {
  const files: string[] = [];
  for (const content of scenario.scenario.given ?? []) {
    if (content.file === undefined) return null;
    files.push(resolve(scenario.dir, content.file));
  }
  const given = files.length;
  const processes = new Map<string, number>();
  for (const step of scenario.scenario.steps) {
    if (!('upload' in step)) continue;
    const file = uploadedFile(step.upload, scenario);
    if (file === null) return null;
    if (step.upload.process !== undefined) processes.set(step.upload.process, files.length);
    files.push(file);
  }
  if (files.length === given) return null;
  const sameFileReferences = scenario.scenario.simulator?.sameFileReferences ?? false;
  return { scenario, files, processes, sameFileReferences };
}

function uploadedFile(upload: UploadStep, scenario: LoadedScenario): string | null {
  const plain =
    upload.parts === undefined &&
    upload.rawBody === undefined &&
    upload.via !== 'json' &&
    (upload.expect?.http ?? 202) === 202;
  if (!plain) return null;
  if (upload.file !== undefined) return resolve(scenario.dir, upload.file);
  if (upload.text === undefined) return null;
  const file = join(TEXTS, `${scenario.id}.txt`);
  writeFileSync(file, upload.text);
  return file;
}

function checksOf(scenario: LoadedScenario): CheckStep[] {
  return scenario.scenario.steps.flatMap((step) => ('check' in step ? [step.check] : []));
}
