import { describe, expect, it } from 'vitest';
import { readmeBlocks } from './readme-commands.js';

const markdown = [
  '# Title',
  '```sh',
  'npm ci && npm start    # comment',
  'npx import-harness replay \\',
  '  --report junit:reports/replay.xml',
  '```',
  '```console',
  'npm run check:prism',
  '```',
  '```sh',
  'npx import-harness serve --port 4010 &',
  'npx import-harness serve --port 4010',
  'npm test',
  '```',
].join('\n');

describe('readmeBlocks', () => {
  it('takes only sh blocks, with the line each command starts on', () => {
    expect(readmeBlocks(markdown).map((block) => block.line)).toEqual([2, 10]);
  });

  it('splits && chains, joins continued lines and drops comments', () => {
    const [first] = readmeBlocks(markdown);

    expect(first?.commands.map((command) => [command.shown, command.line])).toEqual([
      ['npm ci', 3],
      ['npm start', 3],
      ['npx import-harness replay --report junit:reports/replay.xml', 4],
    ]);
  });

  it('skips npm ci and npm test with their reasons', () => {
    const skipped = readmeBlocks(markdown)
      .flatMap((block) => block.commands)
      .filter((command) => command.skip !== undefined)
      .map((command) => command.shown);

    expect(skipped).toEqual(['npm ci', 'npm test']);
  });

  it('keeps a serve with a trailing & for its block and stops one without', () => {
    const [, second] = readmeBlocks(markdown);

    expect(second?.commands.map((command) => command.serve)).toEqual(['keep', 'stop', undefined]);
  });
});
