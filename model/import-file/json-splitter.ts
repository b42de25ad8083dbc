/**
 * Splits an import file into its entities as the bytes arrive, without ever holding the
 * whole file: a resumable scanner over the file's top level that hands on each element of
 * a collection (or of a bare array) as its own piece of JSON text, and checks the syntax of
 * everything around the elements itself. The elements' own syntax is left to `JSON.parse`,
 * which the listener runs on each of them.
 *
 * Only structural bytes are looked at one by one; the insides of strings are skipped with
 * `indexOf`, and an element that fits in one chunk is decoded without a copy.
 */

import { isDelimiter, oddBackslashesBefore, parseKey, skipSpace } from './json-bytes.js';
import { SplitError } from './split-error.js';

export { SplitError } from './split-error.js';

/** One element or member value as the file holds it. */
export interface SplitValue {
  readonly text: string;
  /** File offset of its first byte. */
  readonly offset: number;
  /** Levels of objects and arrays, the value itself counting as one; 0 for a primitive. */
  readonly depth: number;
}

/** What the splitter found, in file order. */
export interface SplitListener {
  /** The top level is an object and `key` opens a member whose value is an array. */
  collectionStart(key: string): void;
  /** One element of the array of `key` (`null` for a bare top-level array), as JSON text. */
  element(key: string | null, index: number, element: SplitValue): void;
  /** A member of the top-level object whose value is not an array, as JSON text. */
  member(key: string, value: SplitValue): void;
  /** The whole file, when its top level is neither an object nor an array. */
  scalar(text: string): void;
}

const enum State {
  Start,
  ObjectFirstKey,
  ObjectKey,
  Key,
  Colon,
  MemberValue,
  FirstElement,
  Element,
  AfterElement,
  AfterMember,
  Value,
  Scalar,
  Done,
}

const enum Byte {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Comma = 0x2c,
  Colon = 0x3a,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

export class JsonSplitter {
  readonly #listener: SplitListener;
  #state = State.Start;
  /** File offset of the first byte of the current chunk. */
  #base = 0;
  /** Chunks of the token being read (key, element or member value), oldest first. */
  #pending: Buffer[] = [];
  /** File offset where the token being read starts, or -1. */
  #tokenStart = -1;
  /** The top level is a bare array (true) or an object (false). */
  #bare = false;
  #key = '';
  #index = 0;
  /** While reading a value: open brackets, and whether the scan is inside a string. */
  #depth = 0;
  #deepest = 0;
  /** The next line feed in the current chunk at or after the last place looked; or its end. */
  #lineFeed = -1;
  #inString = false;
  #escaped = false;
  /** After the value's string or scalar ends, the state to go on with. */
  #afterValue = State.AfterElement;
  /** A value that is a bare scalar (number, true, false, null) rather than a bracketed one. */
  #scalarValue = false;
  #stringValue = false;

  constructor(listener: SplitListener) {
    this.#listener = listener;
  }

  /** Reads the next chunk of the file; throws a SplitError at the first syntax error. */
  push(chunk: Buffer): void {
    this.#lineFeed = -1;
    let i = 0;
    const end = chunk.length;
    while (i < end) {
      switch (this.#state) {
        case State.Start: {
          i = skipSpace(chunk, i);
          if (i === end) break;
          const byte = chunk[i];
          if (byte === Byte.OpenBracket) {
            this.#bare = true;
            this.#index = 0;
            this.#state = State.FirstElement;
            i += 1;
          } else if (byte === Byte.OpenBrace) {
            this.#state = State.ObjectFirstKey;
            i += 1;
          } else {
            this.#state = State.Scalar;
            this.#beginToken(i);
          }
          break;
        }

        case State.ObjectFirstKey:
        case State.ObjectKey: {
          i = skipSpace(chunk, i);
          if (i === end) break;
          const byte = chunk[i];
          if (byte === Byte.CloseBrace && this.#state === State.ObjectFirstKey) {
            this.#state = State.Done;
            i += 1;
          } else if (byte === Byte.Quote) {
            this.#beginToken(i);
            this.#inString = true;
            this.#escaped = false;
            this.#state = State.Key;
            i += 1;
          } else {
            this.#unexpected(chunk, i, 'a member name in double quotes');
          }
          break;
        }

        case State.Key: {
          const close = this.#scanString(chunk, i);
          if (close === -1) {
            i = end;
            break;
          }
          this.#key = parseKey(this.#takeToken(chunk, close + 1), this.#tokenStart);
          this.#state = State.Colon;
          i = close + 1;
          break;
        }

        case State.Colon: {
          i = skipSpace(chunk, i);
          if (i === end) break;
          if (chunk[i] !== Byte.Colon) this.#unexpected(chunk, i, '":" after a member name');
          this.#state = State.MemberValue;
          i += 1;
          break;
        }

        case State.MemberValue: {
          i = skipSpace(chunk, i);
          if (i === end) break;
          if (chunk[i] === Byte.OpenBracket) {
            this.#listener.collectionStart(this.#key);
            this.#index = 0;
            this.#state = State.FirstElement;
            i += 1;
          } else {
            i = this.#beginValue(chunk, i, State.AfterMember);
          }
          break;
        }

        case State.FirstElement:
        case State.Element: {
          i = skipSpace(chunk, i);
          if (i === end) break;
          if (chunk[i] === Byte.CloseBracket && this.#state === State.FirstElement) {
            this.#state = this.#bare ? State.Done : State.AfterMember;
            i += 1;
          } else if (chunk[i] === Byte.CloseBracket || chunk[i] === Byte.Comma) {
            this.#unexpected(chunk, i, 'an element');
          } else {
            i = this.#beginValue(chunk, i, State.AfterElement);
          }
          break;
        }

        case State.AfterElement: {
          i = skipSpace(chunk, i);
          if (i === end) break;
          if (chunk[i] === Byte.Comma) {
            this.#state = State.Element;
          } else if (chunk[i] === Byte.CloseBracket) {
            this.#state = this.#bare ? State.Done : State.AfterMember;
          } else {
            this.#unexpected(chunk, i, '"," or "]" after an element');
          }
          i += 1;
          break;
        }

        case State.AfterMember: {
          i = skipSpace(chunk, i);
          if (i === end) break;
          if (chunk[i] === Byte.Comma) {
            this.#state = State.ObjectKey;
          } else if (chunk[i] === Byte.CloseBrace) {
            this.#state = State.Done;
          } else {
            this.#unexpected(chunk, i, '"," or "}" after a member');
          }
          i += 1;
          break;
        }

        case State.Value:
          i = this.#scanValue(chunk, i);
          break;

        case State.Scalar:
          i = end;
          break;

        case State.Done: {
          i = skipSpace(chunk, i);
          if (i < end) this.#unexpected(chunk, i, 'nothing after the end of the top-level value');
          break;
        }
      }
    }

    // The bytes of an unfinished token are kept for the next chunk.
    if (this.#tokenStart !== -1) {
      const from = Math.max(0, this.#tokenStart - this.#base);
      if (from < end) this.#pending.push(chunk.subarray(from));
    }
    this.#base += end;
  }

  /** The file has ended; throws a SplitError if it ended too soon. */
  end(): void {
    if (this.#state === State.Scalar) {
      this.#listener.scalar(this.#takeToken(Buffer.alloc(0), 0));
      this.#state = State.Done;
      return;
    }
    if (this.#state === State.Value && this.#scalarValue && this.#depth === 0) {
      // A scalar runs to the next delimiter; the end of the file is one too.
      this.#finishValue(Buffer.alloc(0), 0);
    }
    if (this.#state !== State.Done) {
      const what = this.#state === State.Start ? 'the file holds only white space' : 'too soon';
      throw new SplitError(this.#base, `the file ends ${what}`);
    }
  }

  /** Starts reading an element or member value at `i`; returns where scanning goes on. */
  #beginValue(chunk: Buffer, i: number, after: State): number {
    this.#beginToken(i);
    this.#afterValue = after;
    this.#state = State.Value;
    this.#depth = 0;
    this.#deepest = 0;
    this.#escaped = false;
    const byte = chunk[i];
    this.#stringValue = byte === Byte.Quote;
    this.#inString = this.#stringValue;
    this.#scalarValue = !this.#stringValue && byte !== Byte.OpenBrace && byte !== Byte.OpenBracket;
    return this.#stringValue ? i + 1 : i;
  }

  /** Scans a value from `i`; when it ends, hands it on. Returns where scanning goes on. */
  #scanValue(chunk: Buffer, i: number): number {
    const end = chunk.length;
    while (i < end) {
      if (this.#inString) {
        const close = this.#scanString(chunk, i);
        if (close === -1) return end;
        i = close + 1;
        if (this.#stringValue) return this.#finishValue(chunk, i);
        continue;
      }
      const byte = chunk[i];
      if (this.#scalarValue) {
        if (isDelimiter(byte)) return this.#finishValue(chunk, i);
        i += 1;
        continue;
      }
      if (byte === Byte.Quote) {
        this.#inString = true;
        this.#escaped = false;
      } else if (byte === Byte.OpenBrace || byte === Byte.OpenBracket) {
        this.#depth += 1;
        if (this.#depth > this.#deepest) this.#deepest = this.#depth;
      } else if (byte === Byte.CloseBrace || byte === Byte.CloseBracket) {
        this.#depth -= 1;
        if (this.#depth === 0) return this.#finishValue(chunk, i + 1);
      }
      i += 1;
    }
    return end;
  }

  /** The value ends just before `stop`: hands it on and goes back to the structure. */
  #finishValue(chunk: Buffer, stop: number): number {
    const offset = this.#tokenStart;
    const value = { text: this.#takeToken(chunk, stop), offset, depth: this.#deepest };
    this.#state = this.#afterValue;
    if (this.#afterValue === State.AfterMember) {
      this.#listener.member(this.#key, value);
    } else {
      this.#listener.element(this.#bare ? null : this.#key, this.#index, value);
      this.#index += 1;
    }
    return stop;
  }

  /**
   * Finds the closing quote of the string being read, from `i`; -1 when the chunk ends first.
   * Whether the chunk ends on an unfinished escape is remembered for the next one.
   */
  #scanString(chunk: Buffer, i: number): number {
    let from = i;
    if (this.#escaped && from < chunk.length) {
      from += 1;
      this.#escaped = false;
    }
    const start = from;
    for (;;) {
      const quote = chunk.indexOf(Byte.Quote, from);
      if (quote === -1) {
        this.#assertOneLine(chunk, start, chunk.length);
        this.#escaped = oddBackslashesBefore(chunk, chunk.length, from);
        return -1;
      }
      if (!oddBackslashesBefore(chunk, quote, from)) {
        this.#assertOneLine(chunk, start, quote);
        this.#inString = false;
        return quote;
      }
      from = quote + 1;
    }
  }

  /**
   * A raw line break cannot be inside a JSON string. Caught here, where it is, rather than
   * by the quotes going out of step and the file seeming to end too soon far after it.
   */
  #assertOneLine(chunk: Buffer, from: number, to: number): void {
    if (this.#lineFeed < from) {
      const found = chunk.indexOf(Byte.LineFeed, from);
      this.#lineFeed = found === -1 ? chunk.length : found;
    }
    if (this.#lineFeed < to) {
      throw new SplitError(
        this.#base + this.#lineFeed,
        'a line break inside a string, which must be written \\n,',
      );
    }
  }

  #beginToken(i: number): void {
    this.#tokenStart = this.#base + i;
    this.#pending = [];
  }

  /** The text of the token from its start to `stop` in the current chunk; ends the token. */
  #takeToken(chunk: Buffer, stop: number): string {
    const from = this.#tokenStart - this.#base;
    let text: string;
    if (this.#pending.length === 0) {
      text = chunk.toString('utf8', from, stop);
    } else {
      text = Buffer.concat([...this.#pending, chunk.subarray(0, stop)]).toString('utf8');
    }
    this.#pending = [];
    this.#tokenStart = -1;
    return text;
  }

  #unexpected(chunk: Buffer, i: number, expected: string): never {
    const byte = chunk[i] ?? 0;
    const found =
      byte >= 0x20 && byte < 0x7f
        ? JSON.stringify(String.fromCharCode(byte))
        : `byte 0x${byte.toString(16)}`;
    throw new SplitError(this.#base + i, `expected ${expected} but found ${found}`);
  }
}
