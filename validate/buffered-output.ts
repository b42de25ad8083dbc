import type { ValidateOutput } from './validate-formatter.js';

/** Characters gathered before they are written. */
const PIECE_LENGTH = 64 * 1024;

/**
 * Gathers small writes into pieces of about 64 KiB: a million problem lines cost a few
 * hundred writes, not a million, and never become one giant string.
 */
export class BufferedOutput implements ValidateOutput {
  readonly #write: (text: string) => unknown;
  #parts: string[] = [];
  #length = 0;

  constructor(write: (text: string) => unknown) {
    this.#write = write;
  }

  write(text: string): void {
    this.#parts.push(text);
    this.#length += text.length;
    if (this.#length >= PIECE_LENGTH) this.flush();
  }

  /** Writes what is gathered; called when a file is done, so output keeps pace with work. */
  flush(): void {
    if (this.#length === 0) return;
    const text = this.#parts.join('');
    this.#parts = [];
    this.#length = 0;
    this.#write(text);
  }
}
