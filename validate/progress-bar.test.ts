import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar.js';

const MIB = 1024 * 1024;

/** A bar on a fake terminal whose clock the test moves. */
function terminal(): { bar: ProgressBar; screen: string[]; at: (ms: number) => void } {
  const screen: string[] = [];
  let now = 0;
  const bar = new ProgressBar({ write: (text) => screen.push(text), now: () => now });
  return { bar, screen, at: (ms) => (now = ms) };
}

const file = { path: '/data/persons.json', bytes: 10 * MIB };
const reading = (bytesRead: number, entitiesRead: number) =>
  ({ phase: 'reading', bytesRead, entitiesRead }) as const;

describe('ProgressBar', () => {
  it('shows nothing for a file read within the first tenth of a second', () => {
    const { bar, screen, at } = terminal();

    at(0);
    bar.update(file, reading(5 * MIB, 100));
    at(99);
    bar.update(file, reading(10 * MIB, 200));
    bar.clear();

    expect(screen).toEqual([]);
  });

  it('shows the name, bar, percentage, bytes of the size and entities so far', () => {
    const { bar, screen, at } = terminal();

    at(0);
    bar.update(file, reading(0, 0));
    at(100);
    bar.update(file, reading(2.5 * MIB, 12_345));

    expect(screen).toEqual(['\rpersons.json ████░░░░░░░░░░░░  25% 2.5/10.0 MiB, 12,345 entities']);
  });

  it('redraws at most ten times a second', () => {
    const { bar, screen, at } = terminal();

    for (let ms = 0; ms <= 1_000; ms += 10) {
      at(ms);
      bar.update(file, reading((ms / 1_000) * file.bytes, ms));
    }

    expect(screen).toHaveLength(10);
  });

  it('says when the entities are judged, at once when the bar is on screen', () => {
    const { bar, screen, at } = terminal();

    at(0);
    bar.update(file, reading(0, 0));
    at(150);
    bar.update(file, reading(10 * MIB, 40_000));
    at(160);
    bar.update(file, { phase: 'judging', bytesRead: 10 * MIB, entitiesRead: 40_000 });

    expect(screen.at(-1)).toMatch(/^\rpersons\.json judging 40,000 entities… +$/);
  });

  it('clears its line with spaces, so that any terminal can show it', () => {
    const { bar, screen, at } = terminal();

    at(0);
    bar.update(file, reading(0, 0));
    at(200);
    bar.update(file, reading(MIB, 1));
    const shown = (screen[0] ?? '').length - 1;
    bar.clear();
    bar.clear();

    expect(screen.slice(1)).toEqual([`\r${' '.repeat(shown)}\r`]);
  });

  it('keeps the line within 80 columns for long names and large files', () => {
    const { bar, screen, at } = terminal();
    const large = { path: `/data/${'x'.repeat(60)}.json`, bytes: 900 * 1024 * MIB };

    at(0);
    bar.update(large, reading(0, 0));
    at(100);
    bar.update(large, reading(450 * 1024 * MIB, 1_999_999));

    expect(screen[0]).toContain('xxxxxxxxxxxxxxxxxxx… ');
    expect(screen[0]).toContain('450.0/900.0 GiB, 1,999,999 entities');
    expect((screen[0] ?? '').length - 1).toBeLessThanOrEqual(80);
  });
});
