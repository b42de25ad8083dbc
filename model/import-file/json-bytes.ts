/** Byte-level helpers of the splitter: white space, delimiters, escapes and member names. */
import { SplitError } from './split-error.js';

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/** The index of the first byte from `i` that is not JSON white space. */
export function skipSpace(chunk: Buffer, i: number): number {
  let at = i;
  while (at < chunk.length) {
    const byte = chunk[at];
    if (byte !== SPACE && byte !== LINE_FEED && byte !== CARRIAGE_RETURN && byte !== TAB) {
      break;
    }
    at += 1;
  }
  return at;
}

export function isDelimiter(byte: number | undefined): boolean {
  return (
    byte === COMMA ||
    byte === CLOSE_BRACKET ||
    byte === CLOSE_BRACE ||
    byte === SPACE ||
    byte === LINE_FEED ||
    byte === CARRIAGE_RETURN ||
    byte === TAB
  );
}

/** Whether an odd run of backslashes ends just before `at` (not looking before `from`). */
export function oddBackslashesBefore(chunk: Buffer, at: number, from: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= from && chunk[i] === BACKSLASH; i -= 1) count += 1;
  return count % 2 === 1;
}

export function parseKey(text: string, offset: number): string {
  try {
    return JSON.parse(text) as string;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SplitError(offset, `a member name is not a valid JSON string (${detail})`);
  }
}
