/** Text normalisation shared by the search index and text filters. */

const COMBINING_MARKS = /\p{M}+/gu;
const NON_ALNUM = /[^\p{L}\p{N}]+/u;
const NON_ALNUM_GLOBAL = /[^\p{L}\p{N}]+/gu;

/** Lower case without accents, so "Zürich" is found by "zurich". */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most names are plain ASCII; skipping NFKD for them keeps the index build fast.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** Words of a folded text, in order (duplicates kept). */
export function wordsOf(folded: string): string[] {
  return folded.split(NON_ALNUM).filter((word) => word.length > 0);
}

/** The text with every separator removed, so "decix" finds "DE-CIX". */
export function squash(folded: string): string {
  return folded.replace(NON_ALNUM_GLOBAL, '');
}

/** An ASN typed as "13335", "AS13335" or "as 13335"; null when the text is not one. */
export function parseAsn(text: string): number | null {
  const match = /^\s*(?:as\s*)?(\d{1,10})\s*$/i.exec(text);
  if (!match?.[1]) return null;
  const asn = Number(match[1]);
  return asn > 0 && asn <= 4_294_967_295 ? asn : null;
}
