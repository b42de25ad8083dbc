import { describe, expect, it } from 'vitest';
import { lineBatcher } from './line-batcher.js';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('lineBatcher', () => {
  it('passes the lines of one turn on in one write, in order', async () => {
    const writes: string[] = [];
    const batcher = lineBatcher((text) => writes.push(text));

    batcher.write('a\n');
    batcher.write('b\n');
    expect(writes).toEqual([]);
    await nextTurn();
    batcher.write('c\n');
    await nextTurn();

    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('passes on what it holds when flushed, and nothing twice', async () => {
    const writes: string[] = [];
    const batcher = lineBatcher((text) => writes.push(text));

    batcher.write('a\n');
    batcher.flush();
    await nextTurn();

    expect(writes).toEqual(['a\n']);
  });
});
