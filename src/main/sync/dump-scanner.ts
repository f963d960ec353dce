/**
 * Finds the rows of a PeeringDB dump (one object keyed by type, each value an API envelope
 * `{"data": [...], "meta": {...}}`) in its JSON text as the text comes, without building
 * them: it follows the structure down to the "data" lists, tracking strings, escapes and depth,
 * and hands on the rows of a list as slices of the file's own text, a batch at a time, for one
 * JSON.parse each. JSON.parse is several times faster than any tokenizer written in
 * JavaScript, and the slices keep memory to a batch and a chunk whatever the file's size.
 *
 * The structure around the rows is checked here token by token; everything else (rows, "meta",
 * values of other keys) is checked by the JSON.parse that reads it. What the file means (which
 * keys are PeeringDB types, what each must hold) is the listener's to judge.
 */

/** What the scanner found, in file order. */
export interface DumpScanListener {
  /** A top-level key whose value is an object: its members follow. */
  listStarts(key: string): void;
  /** A top-level key whose value is not an object, parsed. */
  otherValue(key: string, value: unknown): void;
  /** The "data" list of `key` starts. */
  dataStarts(key: string): void;
  /** `count` rows of `key`'s "data" list: a JSON array, in the file's own text. */
  rows(key: string, batchText: string, count: number): void;
  /** A member of `key`'s object other than a "data" list (its "meta", or a "data" that is not a list), parsed. */
  member(key: string, name: string, value: unknown): void;
  /** The object of `key` ends. */
  listEnds(key: string): void;
}

/** Why the text is not a readable dump; `at` counts characters from the start of the text. */
export class DumpScanError extends Error {
  constructor(
    readonly kind: 'syntax' | 'not-an-object' | 'too-deep' | 'too-large',
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

export interface DumpScanOptions {
  /** Most rows per batch. */
  batchRows: number;
  /** A batch ends at the first row that brings its text to this many characters (default: no bound). */
  batchChars?: number;
  /** Deepest nesting allowed, counting the dump's own object as 1. */
  maxDepth: number;
  /** Longest single value (a row, a "meta") held while it is read, in characters. */
  maxValueChars: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;

/** A JSON string, escapes and all. */
const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
/** What a value holds besides strings and containers: numbers, literals, separators, space. */
const PLAIN = String.raw`[^{}\[\]"]`;
const FLAT_OBJECT = String.raw`\{(?:${PLAIN}|${STRING})*\}`;
/**
 * An object whose values are strings, plain values, flat objects, or lists of those: a row
 * nested at most ROW_DEPTH levels. Each alternative starts with a character no other starts
 * with, so the expression never backtracks, and a text cut before the row's end never matches.
 */
const SHALLOW_ROW = new RegExp(String.raw`\{(?:${PLAIN}|${STRING}|\[(?:${PLAIN}|${STRING}|${FLAT_OBJECT})*\]|${FLAT_OBJECT})*\}`, 'y');
const ROW_DEPTH = 3;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Where the structure stands: which token may come next at the innermost container. */
const enum Expect {
  /** Before the dump's object. */
  Top,
  /** After `{`: a key or `}`. */
  KeyOrEnd,
  /** After `,` in an object. */
  Key,
  Colon,
  Value,
  /** After a member or an element. */
  CommaOrEnd,
  /** After `[` of a data list: a row or `]`. */
  RowOrEnd,
  /** After `,` in a data list. */
  Row,
  /** After the dump's object: nothing more. */
  Done,
}

/** What the value being walked is. */
const enum Walk {
  None,
  Row,
  /** A value that is parsed once whole (meta, another key's value). */
  Captured,
  /** An object key. */
  Key,
}

interface Frame {
  /** An object, or a data list. */
  isList: boolean;
  /** The top-level key it belongs to ('' for the dump's object itself). */
  owner: string;
  /** The key of the member being read (objects). */
  key: string;
}

export class DumpScanner {
  private text = '';
  private pos = 0;
  /** Characters of the stream before `text` begins. */
  private base = 0;
  private readonly frames: Frame[] = [];
  private expect = Expect.Top;

  /** The value or key being walked, and where it starts in `text`. */
  private walk = Walk.None;
  private walkStart = 0;
  private walkDepth = 0;
  private inString = false;
  private scalar = false;

  /** Rows of the batch being gathered: text pieces from earlier chunks, and the span in `text`. */
  private batchPieces: string[] = [];
  private piecesChars = 0;
  private batchStart = -1;
  private batchEnd = -1;
  private batchCount = 0;

  constructor(
    private readonly listener: DumpScanListener,
    private readonly options: DumpScanOptions,
  ) {}

  /** The top-level key whose value is being read, if any. */
  get currentKey(): string | undefined {
    return this.frames.length >= 2 ? this.frames[1]!.owner : undefined;
  }

  /** Whether the dump's object was read to its end. */
  get complete(): boolean {
    return this.expect === Expect.Done;
  }

  /** Whether anything but white space was read. */
  get started(): boolean {
    return this.expect !== Expect.Top || this.walk !== Walk.None;
  }

  write(chunk: string): void {
    this.text = this.text.length > 0 ? this.text + chunk : chunk;
    this.scan();
    this.keepUnfinished();
  }

  /** Characters of the stream read so far (for the place of an error). */
  get offset(): number {
    return this.base + this.pos;
  }

  private fail(kind: DumpScanError['kind'], message: string, at = this.pos): never {
    throw new DumpScanError(kind, message, this.base + at);
  }

  /** Keeps, for the next chunk, only what is not finished: the value being walked and the batch. */
  private keepUnfinished(): void {
    const { text } = this;
    if (this.batchStart >= 0 && this.batchEnd > this.batchStart) {
      this.batchPieces.push(text.slice(this.batchStart, this.batchEnd));
      this.piecesChars += this.batchEnd - this.batchStart;
    }
    this.batchStart = -1;
    this.batchEnd = -1;
    const keepFrom = this.walk === Walk.None ? text.length : this.walkStart;
    if (text.length - keepFrom > this.options.maxValueChars) {
      this.fail('too-large', `a single value is longer than ${Math.round(this.options.maxValueChars / 1_000_000)} million characters`, keepFrom);
    }
    this.base += keepFrom;
    this.pos -= keepFrom;
    this.walkStart -= keepFrom;
    this.text = keepFrom === text.length ? '' : text.slice(keepFrom);
    // A row cut by the chunk's end opens the batch's span in the next chunk.
    if (this.walk === Walk.Row) this.batchStart = this.walkStart;
  }

  private scan(): void {
    const { text } = this;
    const end = text.length;
    while (this.pos < end) {
      if (this.walk !== Walk.None) {
        if (!this.walkValue()) return;
        continue;
      }
      const c = text.charCodeAt(this.pos);
      if (isSpace(c)) {
        this.pos++;
        continue;
      }
      this.structure(c);
    }
  }

  /** One token of the structure around the rows. */
  private structure(c: number): void {
    const frame = this.frames.at(-1);
    switch (this.expect) {
      case Expect.Top:
        if (c !== LBRACE) this.fail('not-an-object', 'expected one object keyed by type');
        this.open(false, '');
        return;
      case Expect.KeyOrEnd:
      case Expect.Key:
        if (c === QUOTE) return this.startWalk(Walk.Key);
        if (c === RBRACE && this.expect === Expect.KeyOrEnd) return this.close();
        return this.fail('syntax', 'expected a key in quotes');
      case Expect.Colon:
        if (c !== COLON) this.fail('syntax', 'expected ":" after a key');
        this.pos++;
        this.expect = Expect.Value;
        return;
      case Expect.Value:
        return this.valueStarts(c, frame!);
      case Expect.RowOrEnd:
      case Expect.Row:
        if (c === RBRACKET && this.expect === Expect.RowOrEnd) return this.close();
        if (c === COMMA || c === RBRACKET || c === RBRACE || c === COLON) return this.fail('syntax', 'expected a row');
        if (this.batchStart < 0) this.batchStart = this.pos;
        if (this.rowAtOnce()) return;
        return this.startWalk(Walk.Row);
      case Expect.CommaOrEnd:
        if (c === COMMA) {
          this.pos++;
          this.expect = frame!.isList ? Expect.Row : Expect.Key;
          return;
        }
        if (c === (frame!.isList ? RBRACKET : RBRACE)) return this.close();
        return this.fail('syntax', frame!.isList ? 'expected "," or "]" after a row' : 'expected "," or "}" after a member');
      case Expect.Done:
        return this.fail('syntax', 'unexpected text after the end of the dump');
    }
  }

  /** A member's value begins: a type's object, its data list, or a value to parse whole. */
  private valueStarts(c: number, frame: Frame): void {
    const depth = this.frames.length;
    if (depth === 1 && c === LBRACE) {
      this.open(false, frame.key);
      this.listener.listStarts(frame.key);
      return;
    }
    if (depth === 2 && frame.key === 'data' && c === LBRACKET) {
      this.open(true, frame.owner);
      this.listener.dataStarts(frame.owner);
      return;
    }
    if (c === COMMA || c === RBRACE || c === RBRACKET || c === COLON) this.fail('syntax', 'expected a value');
    this.startWalk(Walk.Captured);
  }

  private open(isList: boolean, owner: string): void {
    this.frames.push({ isList, owner, key: '' });
    this.checkDepth(0);
    this.pos++;
    this.expect = isList ? Expect.RowOrEnd : Expect.KeyOrEnd;
  }

  private close(): void {
    const frame = this.frames.pop()!;
    this.pos++;
    if (frame.isList) this.flushBatch(frame.owner);
    else if (this.frames.length === 1) this.listener.listEnds(frame.owner);
    this.expect = this.frames.length === 0 ? Expect.Done : Expect.CommaOrEnd;
  }

  private checkDepth(walkDepth: number): void {
    if (this.frames.length + walkDepth > this.options.maxDepth) this.fail('too-deep', `nested deeper than ${this.options.maxDepth} levels`);
  }

  /**
   * A row read whole by one native regular expression, when it is an object nested at most
   * ROW_DEPTH levels (the row, a list in it, an object in that) and ends within the text
   * (nearly every PeeringDB row): four times faster than walking it here. Anything else (a row
   * cut by the chunk's end, deeper nesting, not an object) is walked.
   */
  private rowAtOnce(): boolean {
    if (this.frames.length + ROW_DEPTH > this.options.maxDepth) return false;
    SHALLOW_ROW.lastIndex = this.pos;
    if (!SHALLOW_ROW.test(this.text)) return false;
    this.walk = Walk.Row;
    this.walkStart = this.pos;
    this.pos = SHALLOW_ROW.lastIndex;
    this.valueEnds();
    return true;
  }

  private startWalk(kind: Walk): void {
    this.walk = kind;
    this.walkStart = this.pos;
    this.walkDepth = 0;
    this.inString = false;
    const c = this.text.charCodeAt(this.pos);
    this.scalar = c !== LBRACE && c !== LBRACKET && c !== QUOTE;
    if (!this.scalar) {
      if (c === QUOTE) this.inString = true;
      else {
        this.walkDepth = 1;
        this.checkDepth(1);
      }
      this.pos++;
    }
  }

  /**
   * Walks the current value to its end, or to the end of the text (false: wait for more).
   * Strings are skipped with indexOf, so the loop sees only the characters between them.
   */
  private walkValue(): boolean {
    const { text } = this;
    const end = text.length;
    let pos = this.pos;
    if (this.scalar) {
      while (pos < end) {
        const c = text.charCodeAt(pos);
        if (c === COMMA || c === RBRACE || c === RBRACKET || isSpace(c)) break;
        pos++;
      }
      this.pos = pos;
      if (pos === end) return false;
      this.valueEnds();
      return true;
    }
    let depth = this.walkDepth;
    for (;;) {
      if (this.inString) {
        let quote = text.indexOf('"', pos);
        while (quote !== -1 && isEscaped(text, quote)) quote = text.indexOf('"', quote + 1);
        if (quote === -1) {
          this.pos = end;
          this.walkDepth = depth;
          return false;
        }
        pos = quote + 1;
        this.inString = false;
        if (depth === 0) break;
        continue;
      }
      if (pos >= end) {
        this.pos = end;
        this.walkDepth = depth;
        return false;
      }
      const c = text.charCodeAt(pos++);
      if (c === QUOTE) this.inString = true;
      else if (c === LBRACE || c === LBRACKET) {
        depth++;
        if (this.frames.length + depth > this.options.maxDepth) {
          this.pos = pos - 1;
          this.checkDepth(depth);
        }
      } else if (c === RBRACE || c === RBRACKET) {
        if (--depth === 0) break;
      }
    }
    this.pos = pos;
    this.walkDepth = 0;
    this.valueEnds();
    return true;
  }

  private valueEnds(): void {
    const kind = this.walk;
    this.walk = Walk.None;
    const frame = this.frames.at(-1)!;
    if (kind === Walk.Row) {
      this.batchEnd = this.pos;
      this.batchCount++;
      this.expect = Expect.CommaOrEnd;
      const chars = this.piecesChars + this.batchEnd - this.batchStart;
      if (this.batchCount >= this.options.batchRows || chars >= (this.options.batchChars ?? Infinity)) this.flushBatch(frame.owner);
      return;
    }
    const source = this.text.slice(this.walkStart, this.pos);
    if (kind === Walk.Key) {
      frame.key = this.parse(source) as string;
      this.expect = Expect.Colon;
      return;
    }
    const value = this.parse(source);
    if (this.frames.length === 1) this.listener.otherValue(frame.key, value);
    else this.listener.member(frame.owner, frame.key, value);
    this.expect = Expect.CommaOrEnd;
  }

  private parse(source: string): unknown {
    try {
      return JSON.parse(source);
    } catch (error) {
      return this.fail('syntax', (error as Error).message, this.walkStart);
    }
  }

  private flushBatch(owner: string): void {
    if (this.batchCount === 0) return;
    let body = this.batchStart >= 0 && this.batchEnd > this.batchStart ? this.text.slice(this.batchStart, this.batchEnd) : '';
    if (this.batchPieces.length > 0) {
      body = body ? `${this.batchPieces.join(',')},${body}` : this.batchPieces.join(',');
    }
    const count = this.batchCount;
    this.batchPieces = [];
    this.piecesChars = 0;
    this.batchStart = -1;
    this.batchEnd = -1;
    this.batchCount = 0;
    this.listener.rows(owner, `[${body}]`, count);
  }
}

/** Whether the quote at `at` is escaped: an odd run of backslashes before it. */
function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === BACKSLASH; i--) slashes++;
  return slashes % 2 === 1;
}
