/**
 * JSON text held at one byte a character: every character past U+00FF written as a `\uXXXX`
 * escape, which JSON.parse reads into the same values. A JavaScript string holding even one
 * character past U+00FF (a name in Cyrillic, a typographic quote) is held at two bytes a
 * character, and a store page that is one such string costs twice its length at every step
 * after main: the message to the window, its copy into the store worker, and the store's
 * serialising, compressing and writing of it. Nearly every megabyte of PeeringDB's text has
 * such a character; few have many. Characters up to U+00FF (an ü, an é) fit in one byte as
 * they are, so a text with none past U+00FF is left as it came, and so is a text with so many
 * that escapes would make it longer.
 *
 * A text holding a surrogate (a character past U+FFFF, such as an emoji, or a lone half of
 * one) is left as it came too: its escapes would be surrogate escapes, which the store takes
 * for a possible lone surrogate and checks every row for (see mayHoldLoneSurrogates).
 */

const PAST_LATIN1 = /[\u0100-\uffff]/g;
const SURROGATE = /[\ud800-\udfff]/;
const HEX = '0123456789abcdef';

/** `text` with every character past U+00FF escaped, or `text` itself (see above). */
export function oneByteJson(text: string): string {
  PAST_LATIN1.lastIndex = 0;
  const first = PAST_LATIN1.exec(text);
  if (first === null || SURROGATE.test(text)) return text;
  const at: number[] = [first.index];
  // Six bytes an escape against two a character: text that is a fifth or more past U+00FF
  // would grow, not shrink.
  const most = text.length / 5;
  for (let found = PAST_LATIN1.exec(text); found !== null; found = PAST_LATIN1.exec(text)) {
    if (at.push(found.index) >= most) return text;
  }
  // Each escaped character becomes six characters of one byte: five more than it was.
  const bytes = Buffer.allocUnsafe(text.length + 5 * at.length);
  let written = 0;
  let from = 0;
  for (const index of at) {
    // The characters between are all U+00FF or below: one Latin-1 byte each.
    written += bytes.write(text.slice(from, index), written, 'latin1');
    const code = text.charCodeAt(index);
    bytes[written++] = 0x5c; // \
    bytes[written++] = 0x75; // u
    bytes[written++] = HEX.charCodeAt(code >> 12);
    bytes[written++] = HEX.charCodeAt((code >> 8) & 15);
    bytes[written++] = HEX.charCodeAt((code >> 4) & 15);
    bytes[written++] = HEX.charCodeAt(code & 15);
    from = index + 1;
  }
  written += bytes.write(text.slice(from), written, 'latin1');
  return bytes.toString('latin1', 0, written);
}
