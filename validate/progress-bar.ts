import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FileProgress } from './validate-file.js';

export interface ProgressBarOptions {
  /** Where the bar is drawn: a terminal's stderr. */
  readonly write: (text: string) => unknown;
  /** Milliseconds from an arbitrary origin. Default: `performance.now`. */
  readonly now?: (() => number) | undefined;
}

/** Least time between two drawings: at most ten a second. */
const REDRAW_MS = 100;
/** Widths that keep the whole line within 80 columns. */
const BAR_WIDTH = 16;
const NAME_WIDTH = 20;

/**
 * One line on a terminal showing how far a file is read: bytes of the file size, percentage
 * and entities so far. It is redrawn in place, at most ten times a second; a file read faster
 * than that never shows it. It only moves the cursor with `\r`, so any terminal can show it.
 */
export class ProgressBar {
  readonly #write: (text: string) => unknown;
  readonly #now: () => number;
  #file: { path: string; name: string; bytes: number; since: number } | null = null;
  #drawnAt = Number.NEGATIVE_INFINITY;
  /** Length of the line on screen; 0 when nothing is shown. */
  #shown = 0;

  constructor(options: ProgressBarOptions) {
    this.#write = options.write;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Shows how far the file is read; a file other than the last one starts a new bar. */
  update(file: { readonly path: string; readonly bytes: number }, progress: FileProgress): void {
    const now = this.#now();
    const current = this.#current(file, now);
    // Judging starts once: worth saying at once if the bar is already on screen.
    const due = now - Math.max(this.#drawnAt, current.since) >= REDRAW_MS;
    const phaseChange = progress.phase === 'judging' && this.#shown > 0;
    if (!due && !phaseChange) return;

    this.#draw(render(current.name, current.bytes, progress));
    this.#drawnAt = now;
  }

  /** Removes the line, leaving the cursor where it began; the next update starts a new bar. */
  clear(): void {
    this.#file = null;
    if (this.#shown === 0) return;
    this.#write(`\r${' '.repeat(this.#shown)}\r`);
    this.#shown = 0;
  }

  #current(
    file: { readonly path: string; readonly bytes: number },
    now: number,
  ): { name: string; bytes: number; since: number } {
    if (this.#file?.path === file.path) return this.#file;
    this.clear();
    this.#file = {
      path: file.path,
      name: shorten(basename(file.path)),
      bytes: file.bytes,
      since: now,
    };
    return this.#file;
  }

  #draw(line: string): void {
    // Spaces cover what a longer earlier line left behind.
    const padding = ' '.repeat(Math.max(0, this.#shown - line.length));
    this.#write(`\r${line}${padding}`);
    this.#shown = line.length;
  }
}

function render(name: string, size: number, progress: FileProgress): string {
  const entities = `${progress.entitiesRead.toLocaleString('en-US')} entities`;
  if (progress.phase === 'judging') return `${name} judging ${entities}…`;

  const share = size === 0 ? 1 : Math.min(1, progress.bytesRead / size);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `${name} ${bar} ${percent} ${sizes(progress.bytesRead, size)}, ${entities}`;
}

/** Bytes read and the size, in the unit of the size: `12.3/27.0 MiB`. */
function sizes(read: number, size: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let unit = 0;
  while (size >= 1024 ** (unit + 1) && unit < units.length - 1) unit += 1;
  const shown = (value: number): string =>
    unit === 0 ? String(value) : (value / 1024 ** unit).toFixed(1);
  return `${shown(read)}/${shown(size)} ${units[unit] ?? ''}`;
}

/** A name that fits its column and shows no control character from the file system. */
function shorten(name: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return plain.length <= NAME_WIDTH ? plain : `${plain.slice(0, NAME_WIDTH - 1)}…`;
}
