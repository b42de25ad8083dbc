import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import {
  ImportFileReader,
  type ReadOptions,
  type ReadResult,
} from '../../model/import-file/import-file-reader.js';

/** Bytes read from disk at a time: large enough to be fast, small enough to stay flat. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Pushes a file into a reader chunk by chunk, letting other work run between chunks; false
 * when `cancelled` stopped it. A file that cannot be read throws as the file system does.
 */
export async function pushFile(
  path: string,
  reader: ImportFileReader,
  cancelled: () => boolean,
  afterChunk: () => void = () => undefined,
): Promise<boolean> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      if (cancelled()) return false;
      reader.push(chunk as Buffer);
      afterChunk();
    }
    return true;
  } finally {
    stream.destroy();
  }
}

/** Reads a spooled upload as a stream, letting other requests run between chunks. */
export async function readSpooledFile(
  path: string,
  options: ReadOptions,
  cancelled: () => boolean,
): Promise<ReadResult | null> {
  const reader = new ImportFileReader(options);
  try {
    if (!(await pushFile(path, reader, cancelled))) return null;
  } catch (error) {
    return { ok: false, reason: `the stored file could not be read (${message(error)})` };
  }
  return reader.end();
}

/**
 * Reads a spooled upload at once, chunk by chunk: for a transition that must happen now (a
 * read in `step` pace, or the control API's advance), memory stays as flat as when streaming.
 */
export function readSpooledFileNow(path: string, options: ReadOptions): ReadResult {
  const reader = new ImportFileReader(options);
  let descriptor: number | null = null;
  try {
    descriptor = openSync(path, 'r');
    for (;;) {
      // A new buffer each time: the reader may keep the bytes of an unfinished element.
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const read = readSync(descriptor, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      reader.push(buffer.subarray(0, read));
    }
  } catch (error) {
    return { ok: false, reason: `the stored file could not be read (${message(error)})` };
  } finally {
    if (descriptor !== null) closeSync(descriptor);
  }
  return reader.end();
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
