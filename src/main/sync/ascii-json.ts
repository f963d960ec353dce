/**
 * JSON text held at one byte a character: every character past ASCII written as a `\uXXXX`
 * escape, which JSON.parse reads into the same values. A JavaScript string holding even one
 * character past U+00FF (a name in Cyrillic, a typographic quote) is held at two bytes a
 * character, and a store page that is one such string costs twice its length at every step
 * after main: the message to the window, its copy into the store worker, and the store's
 * serialising, compressing and writing of it. Nearly every megabyte of PeeringDB's text has
 * such a character; few have many. A text with so many that escapes would make it longer is
 * left as it came.
 *
 * Why ASCII, when an ü or an é would fit in one byte as it is: text that is all ASCII also
 * takes the fast path of every UTF-8 step it meets. The test harness carries pages to the
 * window as UTF-8 (Electron's IPC does not), and there bulk-cache loads were a tenth faster
 * with them escaped; an escape costs five bytes more, a few hundredths of a percent of a real
 * page.
 *
 * A text holding a surrogate (a character past U+FFFF, such as an emoji, or a lone half of
 * one) is left as it came: its escapes would be surrogate escapes, which the store takes for a
 * possible lone surrogate and checks every row for (see mayHoldLoneSurrogates).
 */

const PAST_ASCII = /[\u0080-\uffff]/g;
const HEX = '0123456789abcdef';

/** `text` with every character past ASCII escaped, or `text` itself (see above). */
export function asciiJson(text: string): string {
  // One pass finds every character past ASCII, and with it any surrogate and whether the text
  // holds anything past U+00FF.
  PAST_ASCII.lastIndex = 0;
  const at: number[] = [];
  let pastLatin1 = false;
  // Six bytes an escape against two a character: a two-byte text a fifth or more past ASCII
  // would grow, not shrink.
  const most = text.length / 5;
  for (let found = PAST_ASCII.exec(text); found !== null; found = PAST_ASCII.exec(text)) {
    const code = text.charCodeAt(found.index);
    if (code >= 0xd800 && code <= 0xdfff) return text;
    if (code > 0xff) pastLatin1 = true;
    if (at.push(found.index) >= most) return text;
  }
  if (at.length === 0) return text;
  // A text with nothing past U+00FF is one byte a character already: escaping a few accented
  // letters buys the fast UTF-8 path (see above), escaping many would only make it longer.
  if (!pastLatin1 && at.length >= text.length / 100) return text;
  // Each escaped character becomes six ASCII characters: five more than it was.
  const bytes = Buffer.allocUnsafe(text.length + 5 * at.length);
  let written = 0;
  let from = 0;
  for (const index of at) {
    // A run of ASCII characters is the same bytes in Latin-1.
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
