import busboy from 'busboy';
import type { Request } from 'express';
import type { ImportUpload } from '../../model/import-process.js';
import { ApiError, problem } from './api-error.js';
import { drainRequest } from './drain-request.js';
import type { PartSink } from './part-sink.js';

/** An H-1 part: its bytes in memory, or the spooled file that holds them. */
export type PartUpload = Extract<ImportUpload, { kind: 'bytes' | 'file' }>;

/**
 * Reads an H-1 body: `multipart/form-data` with exactly one part, a file part (normally
 * named `file`) or a plain text field. Returns the part's bytes exactly as sent, in memory
 * or, for a large file part, spooled to disk by the sink.
 *
 * The whole body is read before this settles, whatever goes wrong, so the answer never
 * races the client's upload. When it throws, nothing received is left on disk.
 */
export async function readSinglePart(
  req: Request,
  maxBytes: number,
  newSink: () => PartSink,
): Promise<PartUpload> {
  // Step 1: only a well-formed multipart content type can be read at all.
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      // latin1 maps every byte to one character, so a text field's bytes can be recovered
      // exactly and technical validation sees the same bytes a file part would carry.
      defCharset: 'latin1',
      limits: { fieldSize: maxBytes, fieldNameSize: 1024 },
    });
  } catch (cause) {
    await drainRequest(req, maxBytes);
    throw multipartInvalid(
      `the request is not multipart/form-data with a boundary (${reason(cause)})`,
    );
  }

  // Step 2: count every part, keep the first one's bytes only, and watch the total size.
  let partCount = 0;
  let field: Buffer | null = null;
  let sink: PartSink | null = null;
  let sinkDone: Promise<void> = Promise.resolve();
  let received = 0;
  let tooLarge = false;
  let settle: (error?: ApiError) => void = () => undefined;
  const outcome = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });
  parser.on('file', (_name, stream) => {
    partCount += 1;
    // A part cut off by the end of the body fails on the part's own stream too.
    stream.on('error', (cause: unknown) => settle(multipartInvalid(reason(cause))));
    if (partCount !== 1) {
      stream.resume();
      return;
    }
    const target = newSink();
    sink = target;
    sinkDone = new Promise((resolve, reject) => {
      target.on('finish', resolve);
      target.on('error', reject);
    });
    // Awaited only when the body was read in full; a body refused early drops the sink.
    sinkDone.catch(() => undefined);
    // A sink that cannot write (full disk, folder gone) refuses the upload at once; the rest
    // of the part is read and dropped, so the parser still reaches the end of the body.
    target.on('error', (cause: unknown) => {
      stream.unpipe(target);
      stream.resume();
      settle(notStored(cause));
    });
    stream.pipe(target);
  });
  parser.on('field', (_name, value) => {
    partCount += 1;
    if (partCount === 1) field = Buffer.from(value, 'latin1');
  });
  parser.on('close', () => settle());
  parser.on('error', (cause) => settle(multipartInvalid(reason(cause))));
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes && !tooLarge) {
      // Past the limit nothing more is parsed; the rest is only read and dropped.
      tooLarge = true;
      req.unpipe(parser);
      settle();
    }
  });
  req.on('close', () => {
    if (!req.complete) settle(multipartInvalid('the client closed the connection mid-body'));
  });
  req.pipe(parser);

  try {
    await outcome;
    if (!tooLarge) await sinkDone;
  } catch (error) {
    (sink as PartSink | null)?.discard();
    await drainRequest(req, Number.POSITIVE_INFINITY);
    throw error instanceof ApiError ? error : notStored(error);
  }
  if (tooLarge) {
    (sink as PartSink | null)?.discard();
    await drainRequest(req, Number.POSITIVE_INFINITY);
    throw ApiError.single(
      413,
      'err.importFileTooLarge',
      `The request body is larger than the limit of ${maxBytes} bytes. Split the import ` +
        `file into smaller batches.`,
      { errorValue: maxBytes },
    );
  }

  // Step 3: exactly one part.
  if (partCount === 0) {
    throw ApiError.single(
      400,
      'err.importFileMissing',
      'The multipart body has no part. Send the import file as one part named "file".',
      { fieldName: 'file' },
    );
  }
  if (partCount > 1) {
    (sink as PartSink | null)?.discard();
    throw ApiError.single(
      400,
      'err.importFileMultiple',
      `The multipart body has ${partCount} parts; exactly one is allowed. Send one ` +
        'import file per request.',
      { fieldName: 'file', errorValue: partCount },
    );
  }
  const kept = field as Buffer | null;
  if (kept !== null) return { kind: 'bytes', bytes: kept };
  return (sink as PartSink | null)?.upload() ?? { kind: 'bytes', bytes: Buffer.alloc(0) };
}

function notStored(cause: unknown): ApiError {
  return ApiError.single(
    507,
    'err.uploadNotStored',
    `The upload could not be stored: ${reason(cause)}. Free space in the spool folder, ` +
      'or send a smaller file.',
    { fieldName: 'file' },
  );
}

function multipartInvalid(detail: string): ApiError {
  return new ApiError(400, [
    problem(
      'err.requestMultipartInvalid',
      `The body is not well-formed multipart/form-data: ${detail}. Send the import file ` +
        'as multipart/form-data with one part named "file".',
    ),
  ]);
}

function reason(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
