/**
 * Import throughput and peak memory of the simulator at several file sizes: each file is
 * generated into a temporary folder (never into the repository), uploaded to a simulator
 * running in a child process, and timed from the first byte sent until the process reaches
 * its final status. The child's peak resident memory is read when the import is done.
 *
 * Run: npm run bench:import [-- --sizes 10000,100000,1000000 --out FILE]
 * Everything listens on 127.0.0.1; the generated files are removed at the end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateImportFile } from './import/generate-import-file.js';
import { uploadFile } from './import/upload-file.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    out: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map((size) => Number(size));
if (sizes.some((size) => !Number.isSafeInteger(size) || size < 1)) {
  throw new Error(
    `--sizes must be positive whole numbers separated by commas; got ${values.sizes}`,
  );
}

interface Figure {
  readonly entities: number;
  /** `import-harness validate` on the same file: its own duration and peak memory. */
  readonly validateMs: number;
  readonly validatePeakRssBytes: number;
  readonly fileBytes: number;
  readonly uploadMs: number;
  readonly totalMs: number;
  readonly entitiesPerSecond: number;
  readonly peakRssBytes: number;
  readonly status: string;
}

const folder = mkdtempSync(join(tmpdir(), 'ih-bench-import-'));
const figures: Figure[] = [];
try {
  for (const size of sizes) {
    // Step 1: the file, on disk before the clock starts.
    const file = await generateImportFile(join(folder, `import-${size}.json`), size);

    // Step 2: a fresh simulator per size, so each peak is that import's own.
    const child = fork(new URL('./import/simulator-child.ts', import.meta.url), {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let imported: Omit<Figure, 'validateMs' | 'validatePeakRssBytes'>;
    try {
      const { url } = (await nextMessage(child)) as { url: string };
      imported = await measure(url, file, child);
    } finally {
      child.send('stop');
      await once(child, 'exit');
    }

    // Step 3: the offline pre-flight on the same file, also in a process of its own.
    const validated = await validate(file.path);
    figures.push({ ...imported, ...validated });
    rmSync(file.path, { force: true });
    report(figures.at(-1));
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

// Step 4: how cost grows: entities per second at each size, relative to the smallest.
const first = figures[0];
if (first !== undefined) {
  for (const figure of figures) {
    const ratio = figure.entitiesPerSecond / first.entitiesPerSecond;
    process.stdout.write(
      `${figure.entities} entities: ${ratio.toFixed(2)} of the throughput at ${first.entities}\n`,
    );
  }
}
if (values.out !== undefined) {
  writeFileSync(values.out, `${JSON.stringify({ node: process.version, figures }, null, 2)}\n`);
}

async function measure(
  url: string,
  file: { path: string; entities: number; bytes: number },
  child: ChildProcess,
): Promise<Omit<Figure, 'validateMs' | 'validatePeakRssBytes'>> {
  const started = performance.now();
  const answer = await uploadFile(url, file.path, file.bytes, `size-${file.entities}`);
  const uploaded = performance.now();
  if (answer.status !== 202) throw new Error(`upload refused: ${answer.status} ${answer.body}`);
  const id = (JSON.parse(answer.body) as { data: { importProcessId: string } }).data
    .importProcessId;

  // Poll gently: each read of a million-entity process costs the simulator work too.
  const pollMs = file.entities >= 500_000 ? 250 : 20;
  let status = '';
  for (;;) {
    status = await readStatus(url, id);
    if (['DONE', 'PARTIALLY_DONE', 'FAILED', 'REJECTED', 'ERROR', 'DISCARDED'].includes(status)) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const totalMs = performance.now() - started;

  child.send('peak');
  const { peakRssBytes } = (await nextMessage(child)) as { peakRssBytes: number };
  return {
    entities: file.entities,
    fileBytes: file.bytes,
    uploadMs: Math.round(uploaded - started),
    totalMs: Math.round(totalMs),
    entitiesPerSecond: Math.round(file.entities / (totalMs / 1000)),
    peakRssBytes,
    status,
  };
}

/**
 * H-2, tried again when a kept-alive connection was closed under the request: while the
 * simulator works through a large file, its idle connections can time out just as a read
 * goes out on them.
 */
async function readStatus(url: string, id: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(`${url}/api/v1/import/status/${id}`, {
        headers: { 'x-auth-token': 'bench', 'x-leaf-tenant-code': 'bench' },
      });
      return ((await response.json()) as { data: { statusCode: string } }).data.statusCode;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

async function validate(
  path: string,
): Promise<{ validateMs: number; validatePeakRssBytes: number }> {
  const child = fork(new URL('./import/validate-child.ts', import.meta.url), [path], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const outcome = (await nextMessage(child)) as {
    exitCode: number;
    durationMs: number;
    peakRssBytes: number;
  };
  await once(child, 'exit');
  if (outcome.exitCode !== 0) throw new Error(`validate exited ${outcome.exitCode}`);
  return { validateMs: outcome.durationMs, validatePeakRssBytes: outcome.peakRssBytes };
}

function report(figure: Figure | undefined): void {
  if (figure === undefined) return;
  const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  process.stdout.write(
    `${figure.entities} entities (${mib(figure.fileBytes)}): ${figure.status} in ` +
      `${seconds(figure.totalMs)} s (upload ${seconds(figure.uploadMs)} s), ` +
      `${figure.entitiesPerSecond} entities/s, peak RSS ${mib(figure.peakRssBytes)}; ` +
      `validate ${seconds(figure.validateMs)} s ` +
      `(${(figure.validateMs / figure.totalMs).toFixed(2)} of the import's time), ` +
      `peak RSS ${mib(figure.validatePeakRssBytes)}\n`,
  );
}

function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
  });
}
