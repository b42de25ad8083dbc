import type { ReadOptions, ReadResult } from '../../model/import-file/import-file-reader.js';
import { readSpooledFile, readSpooledFileNow } from './read-spooled-file.js';

interface Read {
  result: ReadResult | null;
  cancelled: boolean;
}

/**
 * The reads of spooled uploads, by process id: started in the background when a process is
 * due to parse, or done on the spot when a transition must happen now.
 */
export class SpooledReads {
  readonly #reads = new Map<string, Read>();

  /**
   * What a background read of the process's file has read; null while it runs. The first
   * call starts it, and `onDone` is called once it has finished.
   */
  poll(id: string, path: string, options: ReadOptions, onDone: () => void): ReadResult | null {
    const running = this.#reads.get(id);
    if (running !== undefined) {
      if (running.result !== null) this.#reads.delete(id);
      return running.result;
    }
    const read: Read = { result: null, cancelled: false };
    this.#reads.set(id, read);
    void readSpooledFile(path, options, () => read.cancelled).then((result) => {
      if (read.cancelled || result === null) return;
      read.result = result;
      onDone();
    });
    return null;
  }

  /** The file's reading, now: a finished background read, or the file read on the spot. */
  take(id: string, path: string, options: ReadOptions): ReadResult {
    const read = this.#reads.get(id);
    this.#reads.delete(id);
    if (read?.result != null) return read.result;
    if (read !== undefined) read.cancelled = true;
    return readSpooledFileNow(path, options);
  }

  /** Stops every background read; what they would have read is dropped. */
  cancelAll(): void {
    for (const read of this.#reads.values()) read.cancelled = true;
    this.#reads.clear();
  }
}
