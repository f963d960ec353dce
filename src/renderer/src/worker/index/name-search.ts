/**
 * Names of one kind of row (networks, IXPs, facilities, organisations), ready for search by
 * word prefix. The folded names are kept as one text, a line per row, and a query word is
 * looked for where a word starts: building that is folding each name once, which a full copy's
 * 75,000 names afford right after a load, while a word-to-rows dictionary cost several times
 * more to build than every search the user then types. Where words start is found on the first
 * search that needs it (see RowWords).
 *
 * Rows are numbered densely (ordinals) so scratch arrays are sized by the row count.
 */
import { inSteps, type Work } from '../cooperative';
import { foldText, hasSeveralWords, squash } from './text';
import { textOf } from './row-values';

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Text read in one step of the background pass that finds where words start. */
const SCAN_STEP_UNITS = 64 * 1024;

/** Per ASCII unit, 1 for a letter or a digit. */
const ASCII_WORD_UNITS = Uint8Array.from({ length: 128 }, (_, unit) =>
  (unit >= 48 && unit <= 57) || (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) ? 1 : 0,
);

/** Per UTF-16 unit above ASCII: 0 not yet known, 1 a letter or digit, 2 neither. Filled as names show them. */
const WIDE_UNITS = new Uint8Array(0x10000);

/** True when the code point is a letter or a digit (in any script). */
function isWordPoint(point: number): boolean {
  if (point < 128) return ASCII_WORD_UNITS[point] === 1;
  if (point > 0xffff) return WORD_CHAR.test(String.fromCodePoint(point));
  if (WIDE_UNITS[point] === 0) WIDE_UNITS[point] = WORD_CHAR.test(String.fromCharCode(point)) ? 1 : 2;
  return WIDE_UNITS[point] === 1;
}

/** True when the character ending just before `at` is a letter or a digit (in any script). */
function wordCharBefore(text: string, at: number): boolean {
  const unit = text.charCodeAt(at - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isWordPoint((high - 0xd800) * 0x400 + (unit - 0xdc00) + 0x10000);
  }
  return isWordPoint(unit);
}

/**
 * The words beginning with one character: where each starts, and its row. In the order of the
 * text until a longer prefix asks for them; then ordered by the two characters after the first
 * (see orderByNextUnits), so such a prefix reads only the words that share its first three.
 */
interface WordStarts {
  positions: Int32Array;
  rows: Int32Array;
  byNextUnits: boolean;
}

const NO_WORD_STARTS: WordStarts = { positions: new Int32Array(0), rows: new Int32Array(0), byNextUnits: true };

/** The two UTF-16 units after a word's first, as one number (0 past the end of the text). */
function nextUnitsAt(text: string, position: number): number {
  const second = position + 1 < text.length ? text.charCodeAt(position + 1) : 0;
  const third = position + 2 < text.length ? text.charCodeAt(position + 2) : 0;
  return second * 0x10000 + third;
}

/**
 * Orders word starts by nextUnitsAt: a counting pass per byte of it, the lowest first, each
 * keeping the order of the one before (a byte every key shares is skipped). Bytes keep each
 * pass to 256 counts, where whole characters took 65,536 for every first letter typed.
 */
function orderByNextUnits(text: string, starts: WordStarts): void {
  const { positions, rows } = starts;
  const count = positions.length;
  const keys = new Uint32Array(count);
  for (let i = 0; i < count; i++) keys[i] = nextUnitsAt(text, positions[i]!);
  let order: Int32Array = Int32Array.from({ length: count }, (_, i) => i);
  let sorted: Int32Array = new Int32Array(count);
  const next = new Int32Array(257);
  for (let shift = 0; shift < 32 && count > 0; shift += 8) {
    next.fill(0);
    for (let i = 0; i < count; i++) next[((keys[i]! >>> shift) & 0xff) + 1]!++;
    if (next[((keys[0]! >>> shift) & 0xff) + 1] === count) continue;
    for (let byte = 0; byte < 256; byte++) next[byte + 1]! += next[byte]!;
    for (let i = 0; i < count; i++) sorted[next[(keys[order[i]!]! >>> shift) & 0xff]!++] = order[i]!;
    [order, sorted] = [sorted, order];
  }
  const oldPositions = positions.slice();
  const oldRows = rows.slice();
  for (let i = 0; i < count; i++) {
    positions[i] = oldPositions[order[i]!]!;
    rows[i] = oldRows[order[i]!]!;
  }
  starts.byNextUnits = true;
}

/** The first index in `positions` (ordered by nextUnitsAt) whose next units are at least `key`. */
function firstAtLeast(text: string, positions: Int32Array, key: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (nextUnitsAt(text, positions[mid]!) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The words of many rows as one text, a line per row. A word is a run of letters and digits,
 * as wordsOf splits them, so "a word starts with the query word" is "the query word occurs
 * where no letter or digit precedes it".
 */
export class RowWords {
  /**
   * Per first character (UTF-16 unit): where the words beginning with it start, and their rows.
   * Made on first use by one pass over the text: a short word typed ("c", "te") otherwise finds
   * its letters inside tens of thousands of words at every keystroke, and each query word
   * checks only the words that can match. All characters in one pass: looking for one
   * character at a time cost a scan of the text for each new one a user typed.
   */
  private wordStarts: Map<number, WordStarts> | null = null;

  constructor(
    private readonly text: string,
    /** Where each row's line starts; one more entry marks the end. */
    private readonly lineStarts: Int32Array,
  ) {}

  /** Calls `visit` with the ordinal of each row having a word that starts with `prefix` (a row may repeat). */
  forEachWithPrefix(prefix: string, visit: (ordinal: number) => void): void {
    if (!prefix) return;
    const { text } = this;
    const starts = this.wordStartsWith(prefix.charCodeAt(0));
    const { positions, rows } = starts;
    if (prefix.length === 1) {
      for (let i = 0; i < rows.length; i++) visit(rows[i]!);
      return;
    }
    if (!starts.byNextUnits) orderByNextUnits(text, starts);
    // The words whose second (and third) units are the prefix's.
    const second = prefix.charCodeAt(1) * 0x10000;
    const from = firstAtLeast(text, positions, prefix.length === 2 ? second : second + prefix.charCodeAt(2));
    const to = firstAtLeast(text, positions, prefix.length === 2 ? second + 0x10000 : second + prefix.charCodeAt(2) + 1);
    for (let i = from; i < to; i++) if (text.startsWith(prefix, positions[i])) visit(rows[i]!);
  }

  /** True when a word of the row starts with `prefix`. */
  lineHasWordWithPrefix(ordinal: number, prefix: string): boolean {
    const line = this.text.substring(this.lineStarts[ordinal]!, this.lineStarts[ordinal + 1]!);
    for (let at = line.indexOf(prefix); at >= 0; at = line.indexOf(prefix, at + 1)) {
      if (at === 0 || !wordCharBefore(line, at)) return true;
    }
    return false;
  }

  /** True when the row's line starts with `prefix`. */
  lineStartsWith(ordinal: number, prefix: string): boolean {
    return this.text.startsWith(prefix, this.lineStarts[ordinal]);
  }

  /**
   * Finds where words start, then orders the words of each first character in turn: what the
   * first search of each letter would otherwise do after every build of the index, for up to
   * tens of milliseconds. The index runs this in its background slices once the names are built.
   */
  *prepareInSteps(): Work {
    if (!this.wordStarts) {
      const scan = newWordScan(this.text);
      // A search may find them meanwhile, from the same text: then that is what is kept.
      for (let until = SCAN_STEP_UNITS; scan.at < this.text.length && !this.wordStarts; until += SCAN_STEP_UNITS) {
        scanWordStarts(this.text, this.lineStarts, scan, until);
        yield;
      }
      this.wordStarts ??= wordStartsByUnit(this.text, this.lineStarts, scan);
      yield;
    }
    for (const starts of this.wordStarts.values()) {
      if (starts.byNextUnits) continue;
      orderByNextUnits(this.text, starts);
      yield;
    }
  }

  /** Whether where words start is known and the words of every first character are ordered. */
  get prepared(): boolean {
    return this.wordStarts !== null && [...this.wordStarts.values()].every((starts) => starts.byNextUnits);
  }

  private wordStartsWith(unit: number): WordStarts {
    this.wordStarts ??= this.findWordStarts();
    return this.wordStarts.get(unit) ?? NO_WORD_STARTS;
  }

  private findWordStarts(): Map<number, WordStarts> {
    const scan = newWordScan(this.text);
    scanWordStarts(this.text, this.lineStarts, scan, this.text.length);
    return wordStartsByUnit(this.text, this.lineStarts, scan);
  }
}

/** Where words start, as a pass over the text finds them, and how many start with each unit (ASCII ones counted apart, without a map). */
interface WordScan {
  at: number;
  row: number;
  nextLine: number;
  afterWordChar: boolean;
  found: Int32Array;
  foundCount: number;
  perAsciiUnit: Int32Array;
  perWideUnit: Map<number, number>;
}

function newWordScan(text: string): WordScan {
  return {
    at: 0,
    row: 0,
    nextLine: -1,
    afterWordChar: false,
    found: new Int32Array(Math.max(16, text.length >>> 3)),
    foundCount: 0,
    perAsciiUnit: new Int32Array(128),
    perWideUnit: new Map(),
  };
}

/** Goes on with the pass up to `until` (a little past it if a character spans it). */
function scanWordStarts(text: string, lineStarts: Int32Array, scan: WordScan, until: number): void {
  let { at, row, nextLine, afterWordChar, found, foundCount } = scan;
  if (nextLine < 0) nextLine = lineStarts[1]!;
  const { perAsciiUnit, perWideUnit } = scan;
  const end = Math.min(until, text.length);
  while (at < end) {
    while (at >= nextLine) nextLine = lineStarts[++row + 1]!;
    const unit = text.charCodeAt(at);
    let width = 1;
    let isWordChar: boolean;
    if (unit < 128) {
      isWordChar = ASCII_WORD_UNITS[unit] === 1;
    } else {
      // A letter beyond the BMP is a surrogate pair; NaN past the end fails both comparisons.
      const low = unit >= 0xd800 && unit <= 0xdbff ? text.charCodeAt(at + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        width = 2;
        isWordChar = isWordPoint((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
      } else {
        isWordChar = isWordPoint(unit);
      }
    }
    if (isWordChar && !afterWordChar) {
      if (foundCount === found.length) {
        const grown = new Int32Array(found.length * 2);
        grown.set(found);
        found = grown;
      }
      found[foundCount++] = at;
      if (unit < 128) perAsciiUnit[unit]!++;
      else perWideUnit.set(unit, (perWideUnit.get(unit) ?? 0) + 1);
    }
    afterWordChar = isWordChar;
    at += width;
  }
  scan.at = at;
  scan.row = row;
  scan.nextLine = nextLine;
  scan.afterWordChar = afterWordChar;
  scan.found = found;
  scan.foundCount = foundCount;
}

/** The word starts a finished pass found, by first unit, each list in the order of the text. */
function wordStartsByUnit(text: string, lineStarts: Int32Array, scan: WordScan): Map<number, WordStarts> {
  const { found, foundCount, perAsciiUnit, perWideUnit } = scan;
  const byUnit = new Map<number, WordStarts>();
  const allot = (unit: number, count: number) =>
    byUnit.set(unit, { positions: new Int32Array(count), rows: new Int32Array(count), byNextUnits: false });
  for (let unit = 0; unit < 128; unit++) if (perAsciiUnit[unit]! > 0) allot(unit, perAsciiUnit[unit]!);
  for (const [unit, count] of perWideUnit) allot(unit, count);
  // Filled in the order of the text, counting again from 0 how many each has so far.
  const filledAscii = new Int32Array(128);
  const filledWide = new Map<number, number>();
  let row = 0;
  for (let i = 0; i < foundCount; i++) {
    const position = found[i]!;
    while (position >= lineStarts[row + 1]!) row++;
    const unit = text.charCodeAt(position);
    const starts = byUnit.get(unit)!;
    let at: number;
    if (unit < 128) {
      at = filledAscii[unit]!++;
    } else {
      at = filledWide.get(unit) ?? 0;
      filledWide.set(unit, at + 1);
    }
    starts.positions[at] = position;
    starts.rows[at] = row;
  }
  return byUnit;
}

/** Collects the lines of a RowWords text, one row after the other. */
class RowWordsBuilder {
  private readonly lines: string[] = [];
  private readonly starts: number[] = [];
  private length = 0;

  /** The row's text, a part a line (an empty part is left out), so no word runs from one into the next. */
  add(first: string, second: string): void {
    const line = first ? (second ? `${first}\n${second}\n` : `${first}\n`) : second ? `${second}\n` : '\n';
    this.starts.push(this.length);
    this.lines.push(line);
    this.length += line.length;
  }

  build(): RowWords {
    this.starts.push(this.length);
    return new RowWords(this.lines.join(''), Int32Array.from(this.starts));
  }
}

export interface NameSearchIndex {
  /**
   * Per ordinal: the row's id, the length of its folded name (which starts its line in `names`),
   * its squashed name, and own counter (-1 when it lacks one).
   */
  ids: number[];
  nameLengths: Int32Array;
  squashed: string[];
  counters: Float64Array;
  ordinalOf: Map<number, number>;
  /** The folded name first, then the squashed name as a word of its own when it has several words. */
  names: RowWords;
  /** Words of the other names (aka, long name, city) and the squashed aka. */
  otherNames: RowWords;
  /** Per first UTF-16 unit of the squashed name, its rows: made on the first one-letter search. */
  byFirstUnit: Map<number, Int32Array> | null;
  /** Scratch space for one query: per ordinal, how many query words matched so far. */
  wordsMatched: Int32Array;
  nameWordsMatched: Int32Array;
}

export interface NamedRow {
  id: number;
  name: unknown;
  aka?: unknown;
  name_long?: unknown;
  city?: unknown;
}

/** The two texts with a space between, or the one that is not empty: per row, without the arrays a join makes. */
function spaced(first: string, second: string): string {
  if (!first) return second;
  return second ? `${first} ${second}` : first;
}

/** Builds the name index of `rows`; `counterOf` reads a row's own popularity counter, -1 when it has none. */
export function* buildNameSearch<R extends NamedRow>(
  rows: readonly R[],
  counterOf: (row: R) => number,
): Generator<void, NameSearchIndex, void> {
  const names = new RowWordsBuilder();
  const others = new RowWordsBuilder();
  const ids: number[] = new Array<number>(rows.length);
  const nameLengths = new Int32Array(rows.length);
  const squashedNames: string[] = new Array<string>(rows.length);
  const counters = new Float64Array(rows.length);
  const ordinalOf = new Map<number, number>();
  yield* inSteps(rows.length, (from, to) => {
    for (let ordinal = from; ordinal < to; ordinal++) {
      const row = rows[ordinal]!;
      const folded = foldText(textOf(row.name));
      const squashed = squash(folded);
      // The squashed name is a word too, so "decix" reaches "DE-CIX Frankfurt".
      names.add(folded, hasSeveralWords(folded) ? squashed : '');
      const aka = textOf(row.aka);
      const otherText = spaced(spaced(aka, textOf(row.name_long)), textOf(row.city));
      others.add(otherText ? foldText(otherText) : '', aka ? squash(foldText(aka)) : '');
      ids[ordinal] = row.id;
      nameLengths[ordinal] = folded.length;
      squashedNames[ordinal] = squashed;
      counters[ordinal] = counterOf(row);
      ordinalOf.set(row.id, ordinal);
    }
  });
  return {
    ids,
    nameLengths,
    squashed: squashedNames,
    counters,
    ordinalOf,
    names: names.build(),
    otherNames: others.build(),
    byFirstUnit: null,
    wordsMatched: new Int32Array(rows.length),
    nameWordsMatched: new Int32Array(rows.length),
  };
}

const NO_ROWS = new Int32Array(0);

/** The words of every name and other name, and the rows by first letter, made ready for search (see RowWords.prepareInSteps). */
export function* prepareNameSearch(index: NameSearchIndex): Work {
  yield* index.names.prepareInSteps();
  yield* index.otherNames.prepareInSteps();
  rowsByFirstUnit(index);
}

/** The rows whose squashed name starts with `unit`: what a one-letter search reads, instead of every name. */
export function namesStartingWith(index: NameSearchIndex, unit: number): Int32Array {
  return rowsByFirstUnit(index).get(unit) ?? NO_ROWS;
}

function rowsByFirstUnit(index: NameSearchIndex): Map<number, Int32Array> {
  if (!index.byFirstUnit) {
    const { squashed } = index;
    const counts = new Map<number, number>();
    for (const name of squashed) if (name) counts.set(name.charCodeAt(0), (counts.get(name.charCodeAt(0)) ?? 0) + 1);
    const byFirstUnit = new Map<number, Int32Array>();
    for (const [first, count] of counts) byFirstUnit.set(first, new Int32Array(count));
    const filled = new Map<number, number>();
    for (let ordinal = 0; ordinal < squashed.length; ordinal++) {
      if (!squashed[ordinal]) continue;
      const first = squashed[ordinal]!.charCodeAt(0);
      const at = filled.get(first) ?? 0;
      byFirstUnit.get(first)![at] = ordinal;
      filled.set(first, at + 1);
    }
    index.byFirstUnit = byFirstUnit;
  }
  return index.byFirstUnit;
}
