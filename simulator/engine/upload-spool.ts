import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where large uploads wait on disk until technical validation has read them: one private
 * folder per simulator, made when the first file needs it and removed when it closes.
 * A file is removed as soon as it has been read, or when its upload is refused.
 */
export class UploadSpool {
  readonly #parent: string;
  #folder: string | null = null;

  constructor(parent: string = tmpdir()) {
    this.#parent = parent;
  }

  /** A path for a new spooled upload; nothing is created there yet. */
  newPath(): string {
    // A folder removed from under the simulator is made again rather than failing forever.
    if (this.#folder === null || !existsSync(this.#folder)) {
      this.#folder = mkdtempSync(join(this.#parent, 'import-harness-spool-'));
    }
    return join(this.#folder, `${randomUUID()}.json`);
  }

  remove(path: string): void {
    rmSync(path, { force: true });
  }

  /** Removes the folder and every file still in it. */
  close(): void {
    if (this.#folder !== null) rmSync(this.#folder, { recursive: true, force: true });
    this.#folder = null;
  }
}
