import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { FileError } from '../../errors/file-error.js';
import { ScenarioError, type ScenarioIssue } from '../../errors/scenario-error.js';
import { scenarioSchema, type Scenario, type ScenarioContent } from './scenario-schema.js';

/** Scenario files are hand-written YAML: anything larger is not one. */
const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

/** A scenario read from a file, with what the runner needs to find its other files. */
export interface LoadedScenario {
  /** The file name without extension, e.g. `t13-discard-rejected`. */
  readonly id: string;
  /** The path as the user gave it (or as found in a folder). */
  readonly file: string;
  /** Folder that relative `file:` paths start from. */
  readonly dir: string;
  readonly scenario: Scenario;
}

/**
 * Reads and checks a scenario file. Every problem is reported at once, with the file, the
 * line and the path in the scenario; the error is a `ScenarioError`.
 */
export function loadScenario(file: string): LoadedScenario {
  // Step 1: the file must be readable text of a sensible size. A pipe or a device would
  // block or never end, so only regular files are read.
  let text: string;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) {
      throw Object.assign(new Error('it is not a regular file'), { code: 'ENOTFILE' });
    }
    if (stats.size > MAX_SCENARIO_BYTES) {
      throw new Error(
        `it is ${stats.size} bytes; a scenario file is at most ${MAX_SCENARIO_BYTES} bytes ` +
          '(put large import files next to it and name them with file:)',
      );
    }
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new FileError(file, `Cannot read scenario file ${file}: ${describe(cause)}.`, { cause });
  }

  // Step 2: YAML syntax, with duplicate keys refused.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      doc.errors.map((error) => ({
        code: 'invalid_yaml',
        path: '',
        ...position(lineCounter, error.pos[0]),
        message: error.message.split('\n')[0] ?? error.message,
      })),
    );
  }

  // Step 3: the schema, then the references the schema cannot see. Aliases that expand
  // without bound (a "billion laughs" file) are refused while the document is built.
  let content: unknown;
  try {
    content = doc.toJS();
  } catch (cause) {
    throw new ScenarioError(file, [
      {
        code: 'invalid_yaml',
        path: '',
        message: `the YAML cannot be built: ${cause instanceof Error ? cause.message : String(cause)}`,
      },
    ]);
  }
  const parsed = scenarioSchema.safeParse(content);
  if (!parsed.success) {
    throw new ScenarioError(
      file,
      parsed.error.issues.map((issue) => ({
        code: 'invalid_value',
        path: formatPath(issue.path),
        ...locate(doc, lineCounter, issue.path),
        message: issue.message,
      })),
    );
  }
  const dir = dirname(resolve(file));
  const issues = referenceIssues(parsed.data, dir).map((issue) => ({
    ...issue,
    ...locate(doc, lineCounter, issue.segments),
  }));
  if (issues.length > 0) {
    throw new ScenarioError(
      file,
      issues.map(({ segments: _segments, ...issue }) => issue),
    );
  }
  return { id: basename(file, extname(file)), file, dir, scenario: parsed.data };
}

type PendingIssue = Omit<ScenarioIssue, 'line' | 'column'> & {
  readonly segments: readonly PropertyKey[];
};

/** Contents name exactly one source and existing files; steps name uploaded processes. */
function referenceIssues(scenario: Scenario, dir: string): PendingIssue[] {
  const issues: PendingIssue[] = [];
  const checkContent = (content: ScenarioContent, segments: PropertyKey[]): void => {
    const given = (['file', 'json', 'text'] as const).filter((key) => content[key] !== undefined);
    if (given.length !== 1) {
      issues.push({
        code: 'missing_content',
        path: formatPath(segments),
        segments,
        message: `give exactly one of file, json or text; got ${given.length === 0 ? 'none' : given.join(', ')}`,
      });
    }
    if (content.file !== undefined && !isFile(resolve(dir, content.file))) {
      issues.push({
        code: 'file_not_found',
        path: formatPath([...segments, 'file']),
        segments: [...segments, 'file'],
        message: `no file ${content.file} next to the scenario (looked for ${resolve(dir, content.file)})`,
      });
    }
  };

  scenario.given?.forEach((content, index) => checkContent(content, ['given', index]));
  const named = new Set<string>();
  scenario.steps.forEach((step, index) => {
    const [kind, body] = Object.entries(step)[0] as [string, Record<string, unknown>];
    const at: PropertyKey[] = ['steps', index, kind];
    if (kind === 'upload') {
      const upload = step as Extract<typeof step, { upload: unknown }>;
      const usesContent = upload.upload.parts === undefined && upload.upload.rawBody === undefined;
      if (usesContent) checkContent(upload.upload, at);
      upload.upload.parts?.forEach((part, partIndex) =>
        checkContent(part, [...at, 'parts', partIndex]),
      );
      if (upload.upload.process !== undefined) named.add(upload.upload.process);
      return;
    }
    if (kind === 'check' && typeof body['matches'] === 'string') {
      checkContent({ file: body['matches'] }, at);
    }
    const process = body['process'];
    if (typeof process === 'string' && !named.has(process)) {
      issues.push({
        code: 'unknown_process',
        path: formatPath([...at, 'process']),
        segments: [...at, 'process'],
        message:
          `no earlier upload step names a process "${process}"` +
          (named.size > 0
            ? `; known: ${[...named].join(', ')}`
            : '; add `process: <name>` to an upload'),
      });
    }
  });
  return issues;
}

function locate(
  doc: Document,
  lineCounter: LineCounter,
  segments: readonly PropertyKey[],
): { line?: number; column?: number } {
  // The deepest node that exists along the path gives the best position.
  for (let length = segments.length; length >= 0; length--) {
    const node = doc.getIn(segments.slice(0, length) as unknown[], true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range !== undefined) return position(lineCounter, node.range[0]);
  }
  return {};
}

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function describe(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES') return 'permission denied';
  return cause instanceof Error ? cause.message : String(cause);
}
