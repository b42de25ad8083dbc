import { open, type FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { ImportUpload } from '../../model/import-process.js';
import type { UploadSpool } from '../engine/upload-spool.js';

/**
 * Where the bytes of an uploaded file part go: memory while the file is small, a spooled file
 * once it passes `memoryBytes`. Memory then holds one chunk at a time, whatever the file's
 * size; the stream's back-pressure slows the client down to the disk's pace.
 */
export class PartSink extends Writable {
  readonly #spool: UploadSpool;
  readonly #memoryBytes: number;
  #chunks: Buffer[] = [];
  #bytes = 0;
  #path: string | null = null;
  #file: FileHandle | null = null;

  constructor(spool: UploadSpool, memoryBytes: number) {
    super();
    this.#spool = spool;
    this.#memoryBytes = memoryBytes;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    this.#bytes += chunk.length;
    if (this.#file === null && this.#bytes <= this.#memoryBytes) {
      this.#chunks.push(chunk);
      done();
      return;
    }
    this.#spill(chunk).then(() => done(), done);
  }

  override _final(done: (error?: Error) => void): void {
    if (this.#file === null) {
      done();
      return;
    }
    const file = this.#file;
    this.#file = null;
    file.close().then(() => done(), done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    const file = this.#file;
    this.#file = null;
    if (file === null) {
      done(error);
      return;
    }
    file.close().then(
      () => done(error),
      () => done(error),
    );
  }

  /** The upload as received; call once the sink has finished. */
  upload(): Extract<ImportUpload, { kind: 'bytes' | 'file' }> {
    if (this.#path === null) return { kind: 'bytes', bytes: Buffer.concat(this.#chunks) };
    return { kind: 'file', path: this.#path, bytes: this.#bytes };
  }

  /** Lets go of what was received: the spooled file, if any, is removed. */
  discard(): void {
    this.#chunks = [];
    this.destroy();
    if (this.#path !== null) this.#spool.remove(this.#path);
  }

  async #spill(chunk: Buffer): Promise<void> {
    // The first chunk past the limit moves what memory held into a new spooled file.
    if (this.#file === null) {
      this.#path = this.#spool.newPath();
      const file = await open(this.#path, 'w');
      if (this.destroyed) {
        // Discarded while the file was being made: nothing more is written.
        await file.close();
        this.#spool.remove(this.#path);
        return;
      }
      this.#file = file;
      const held = this.#chunks;
      this.#chunks = [];
      for (const piece of held) await this.#file.write(piece);
    }
    await this.#file?.write(chunk);
  }
}
