import { isUtf8 } from 'node:buffer';

/**
 * Checks that a file arriving in chunks is valid UTF-8, without decoding it. A character cut
 * in two by a chunk boundary is held back until its last bytes arrive.
 */
export class Utf8Check {
  #carry: Buffer | null = null;
  #valid = true;

  get valid(): boolean {
    return this.#valid;
  }

  push(chunk: Buffer): void {
    if (!this.#valid) return;
    const data = this.#carry === null ? chunk : Buffer.concat([this.#carry, chunk]);
    const complete = completeLength(data);
    if (!isUtf8(data.subarray(0, complete))) this.#valid = false;
    this.#carry = complete < data.length ? Buffer.from(data.subarray(complete)) : null;
  }

  /** The file has ended: a character still cut short makes it invalid. */
  end(): boolean {
    if (this.#carry !== null) this.#valid = false;
    this.#carry = null;
    return this.#valid;
  }
}

/** How many leading bytes of `data` end on a character boundary. */
function completeLength(data: Buffer): number {
  const length = data.length;
  for (let back = 1; back <= Math.min(3, length); back += 1) {
    const byte = data[length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return length;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return needed > back ? length - back : length;
  }
  return length;
}
