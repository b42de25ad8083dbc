/**
 * Technical validation (reference section 7) of an upload held in memory: the bytes of a
 * multipart part (H-1) or the parsed JSON body of the sample endpoint (H-8). Both are read by
 * the same streaming reader that reads large uploads from disk, so every path gives the same
 * entities and the same reasons.
 */
import {
  readImportFile,
  type ReadOptions,
  type ReadResult,
} from './import-file/import-file-reader.js';
import { DEFAULT_REFERENCE_DATA } from './reference-data.js';

export type ParseResult = ReadResult;

const DEFAULTS: ReadOptions = { referenceData: DEFAULT_REFERENCE_DATA };

/** Reads the bytes of an upload: UTF-8 JSON holding at least one entity. */
export function parseImportFile(content: Uint8Array, options: ReadOptions = DEFAULTS): ParseResult {
  return readImportFile(content, options);
}

/** Reads an already-parsed import file (the H-8 body without its `source`). */
export function extractEntities(document: unknown, options: ReadOptions = DEFAULTS): ParseResult {
  // The body arrived as JSON and is read as JSON again, so it is judged exactly as a file is.
  let text: string;
  try {
    text = JSON.stringify(document);
  } catch {
    return { ok: false, reason: 'the file nests objects and arrays too deep to be read' };
  }
  return readImportFile(Buffer.from(text), options);
}
