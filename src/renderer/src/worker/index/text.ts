/** Text normalisation shared by the search index and text filters. */

const COMBINING_MARKS = /\p{M}+/gu;
const NON_ALNUM = /[^\p{L}\p{N}]+/u;
const NON_ALNUM_GLOBAL = /[^\p{L}\p{N}]+/gu;
const ASCII_NON_ALNUM_GLOBAL = /[^a-z0-9]+/g;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

// Names are mostly ASCII; Unicode-aware regular expressions cost several times more, and the
// index folds some 75,000 names, so the ASCII cases take a plain path.

/** Lower case without accents, so "Zürich" is found by "zurich". */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower.normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** Words of a folded text, in order (duplicates kept). */
export function wordsOf(folded: string): string[] {
  if (!ASCII.test(folded)) return folded.split(NON_ALNUM).filter((word) => word.length > 0);
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const code = i < folded.length ? folded.charCodeAt(i) : 32;
    const isWordChar = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
    if (isWordChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(folded.slice(start, i));
      start = -1;
    }
  }
  return words;
}

/** wordsOf(folded).length > 1, without making the words. */
export function hasSeveralWords(folded: string): boolean {
  if (!ASCII.test(folded)) return wordsOf(folded).length > 1;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    const isWordChar = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
    if (isWordChar && !inWord && ++words > 1) return true;
    inWord = isWordChar;
  }
  return false;
}

/** The text with every separator removed, so "decix" finds "DE-CIX". */
export function squash(folded: string): string {
  if (ASCII.test(folded)) return folded.replace(ASCII_NON_ALNUM_GLOBAL, '');
  return folded.replace(NON_ALNUM_GLOBAL, '');
}
