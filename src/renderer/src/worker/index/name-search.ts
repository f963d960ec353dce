/**
 * Names of one kind of row (networks, IXPs, facilities, organisations), ready for search by
 * word prefix. The folded names are kept as one text, a line per row, and a query word is
 * looked for with indexOf where a word starts: building that is folding each name once, which
 * a full copy's 75,000 names afford right after a load, while a word-to-rows dictionary cost
 * several times more to build than every search the user then types.
 *
 * Rows are numbered densely (ordinals) so scratch arrays are sized by the row count.
 */
import { inSteps } from '../cooperative';
import { foldText, hasSeveralWords, squash } from './text';
import { textOf } from './row-values';

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** True when the character ending just before `at` is a letter or a digit (in any script). */
function wordCharBefore(text: string, at: number): boolean {
  const code = text.charCodeAt(at - 1);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  let point = code;
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) point = (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000;
  }
  return WORD_CHAR.test(String.fromCodePoint(point));
}

/**
 * The words of many rows as one text, a line per row. A word is a run of letters and digits,
 * as wordsOf splits them, so "a word starts with the query word" is "the query word occurs
 * where no letter or digit precedes it".
 */
export class RowWords {
  /**
   * Per first character (UTF-16 unit): where the words beginning with it start, and their rows.
   * Made on first use by one scan of the text: a short word typed ("c", "te") otherwise finds
   * its letters inside tens of thousands of words at every keystroke, and each query word
   * after it starts with a character seen before, so it checks only the words that can match.
   */
  private readonly wordStarts = new Map<number, { positions: Int32Array; rows: Int32Array }>();

  constructor(
    private readonly text: string,
    /** Where each row's line starts; one more entry marks the end. */
    private readonly lineStarts: Int32Array,
  ) {}

  /** Calls `visit` with the ordinal of each row having a word that starts with `prefix` (a row may repeat). */
  forEachWithPrefix(prefix: string, visit: (ordinal: number) => void): void {
    if (!prefix) return;
    const { text } = this;
    const { positions, rows } = this.wordStartsWith(prefix.charCodeAt(0));
    if (prefix.length === 1) {
      for (let i = 0; i < rows.length; i++) visit(rows[i]!);
      return;
    }
    for (let i = 0; i < positions.length; i++) if (text.startsWith(prefix, positions[i])) visit(rows[i]!);
  }

  private wordStartsWith(unit: number): { positions: Int32Array; rows: Int32Array } {
    let found = this.wordStarts.get(unit);
    if (!found) {
      const { text } = this;
      const first = String.fromCharCode(unit);
      const positions: number[] = [];
      for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
        if (at > 0 && wordCharBefore(text, at)) continue;
        positions.push(at);
      }
      found = { positions: Int32Array.from(positions), rows: Int32Array.from(positions, (at) => this.rowAt(at)) };
      this.wordStarts.set(unit, found);
    }
    return found;
  }

  private rowAt(position: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! <= position) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** Collects the lines of a RowWords text, one row after the other. */
class RowWordsBuilder {
  private readonly lines: string[] = [];
  private readonly starts: number[] = [];
  private length = 0;

  /** The row's text; its parts are joined so no word runs from one into the next. */
  add(...parts: string[]): void {
    const line = `${parts.filter(Boolean).join('\n')}\n`;
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
  /** Per ordinal: the row's id, folded and squashed name, and own counter (-1 when it lacks one). */
  ids: number[];
  folded: string[];
  squashed: string[];
  counters: Float64Array;
  ordinalOf: Map<number, number>;
  /** Words of the name, and its squashed form as a word of its own when it has several. */
  names: RowWords;
  /** Words of the other names (aka, long name, city) and the squashed aka. */
  otherNames: RowWords;
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

/** Builds the name index of `rows`; `counterOf` reads a row's own popularity counter, -1 when it has none. */
export function* buildNameSearch<R extends NamedRow>(
  rows: readonly R[],
  counterOf: (row: R) => number,
): Generator<void, NameSearchIndex, void> {
  const names = new RowWordsBuilder();
  const others = new RowWordsBuilder();
  const ids: number[] = new Array<number>(rows.length);
  const foldedNames: string[] = new Array<string>(rows.length);
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
      const otherText = [aka, textOf(row.name_long), textOf(row.city)].filter(Boolean).join(' ');
      others.add(otherText ? foldText(otherText) : '', aka ? squash(foldText(aka)) : '');
      ids[ordinal] = row.id;
      foldedNames[ordinal] = folded;
      squashedNames[ordinal] = squashed;
      counters[ordinal] = counterOf(row);
      ordinalOf.set(row.id, ordinal);
    }
  });
  return {
    ids,
    folded: foldedNames,
    squashed: squashedNames,
    counters,
    ordinalOf,
    names: names.build(),
    otherNames: others.build(),
    wordsMatched: new Int32Array(rows.length),
    nameWordsMatched: new Int32Array(rows.length),
  };
}
