/**
 * The runnable commands of README.md. The convention: a fenced block tagged `sh` holds
 * commands a reader can paste into a shell at the repository root after `npm ci`; every other
 * block (`console`, `text`, `yaml`, …) only shows. In a `sh` block:
 *
 * - each line is a command (a trailing `\` continues it; `# …` after a space is a comment);
 * - `a && b` runs as separate commands, in order;
 * - `import-harness serve …` is started, awaited until it says it listens, and stopped; with a
 *   trailing `&` it keeps running for the rest of its block;
 * - the documented port 4010 is replaced by a free one, so a test never collides with a
 *   simulator already serving there.
 */

export interface ReadmeCommand {
  /** The command as the README shows it (a segment of an `&&` chain). */
  readonly shown: string;
  /** 1-based line of the README where the command starts. */
  readonly line: number;
  /** Why the test does not run it; undefined when it does. */
  readonly skip?: string;
  /** A simulator started by the command: `stop` after its ready line, or `keep` for the block. */
  readonly serve?: 'stop' | 'keep';
}

export interface ReadmeBlock {
  readonly line: number;
  readonly commands: readonly ReadmeCommand[];
}

/** Commands that cannot run inside the test suite, with the reason shown in its output. */
const SKIPPED: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /^npm ci\b/,
    'reinstalling node_modules under the running suite would pull its own files away; CI ' +
      'runs npm ci before the suite',
  ],
  [/^npm (run )?test\b/, 'it runs the suite this test belongs to, which would recurse'],
];

/** The `sh` blocks of a Markdown text, each with its commands. */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^```(\S*)\s*$/.exec(lines[index] ?? '');
    if (fence === null) continue;

    // Step 1: the block's body up to its closing fence.
    const start = index;
    const body: Array<{ text: string; line: number }> = [];
    for (index += 1; index < lines.length && !/^```\s*$/.test(lines[index] ?? ''); index += 1) {
      body.push({ text: lines[index] ?? '', line: index + 1 });
    }
    if (fence[1] !== 'sh') continue;

    // Step 2: whole commands, continuations joined and comments dropped, split at `&&`.
    blocks.push({ line: start + 1, commands: joinLines(body).flatMap(splitChain) });
  }
  return blocks;
}

function joinLines(body: ReadonlyArray<{ text: string; line: number }>): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  let pending: { text: string; line: number } | null = null;
  for (const { text, line } of body) {
    const code = text.replace(/(^|\s)#.*$/, '').trimEnd();
    const joined: { text: string; line: number } =
      pending === null
        ? { text: code, line }
        : { ...pending, text: `${pending.text} ${code.trim()}` };
    if (joined.text.endsWith('\\')) {
      pending = { ...joined, text: joined.text.slice(0, -1).trimEnd() };
      continue;
    }
    pending = null;
    if (joined.text.trim() !== '') commands.push({ shown: joined.text.trim(), line: joined.line });
  }
  return commands;
}

function splitChain(command: ReadmeCommand): ReadmeCommand[] {
  return command.shown.split(/\s+&&\s+/).map((shown) => {
    const skip = SKIPPED.find(([pattern]) => pattern.test(shown))?.[1];
    const serve = /\bimport-harness(\.js)? serve\b/.test(shown)
      ? shown.endsWith('&')
        ? 'keep'
        : 'stop'
      : undefined;
    return {
      shown,
      line: command.line,
      ...(skip === undefined ? {} : { skip }),
      ...(serve === undefined ? {} : { serve }),
    };
  });
}
