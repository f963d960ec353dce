/**
 * Text as PeeringDB users can write it, for property tests: any code point, lone surrogates,
 * and, more often than chance would give them, the characters that break writers (controls,
 * direction overrides, invisible ones, separators of CSV, vCard, URLs and file systems,
 * formula starts) and the known hostile strings.
 */
import fc from 'fast-check';
import { HOSTILE_STRINGS } from './hostile-strings.test-support';

const TROUBLE_CHARS = [
  '\u0000', '\u0007', '\t', '\n', '\r', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009B',
  '\u00A0', '\u00AD', '\u061C', '\u180E', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2028',
  '\u2029', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2060', '\u2066', '\u2067', '\u2068',
  '\u2069', '\u3000', '\uFEFF', '\uFFFD', '\uFFFE', '\u{E0041}', '"', "'", '`', ',', ';', ':', '\\',
  '/', '?', '#', '&', '=', '%', '@', '<', '>', '|', '*', '+', '-', '.', ' ', '＝', '＋', '－', '＠',
  '{', '}', '[', ']', '(', ')', 'é', 'e\u0301', '🚀', '👩‍💻', 'ß', 'İ',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

const hostileUnit = fc.oneof(
  { arbitrary: fc.constantFrom(...TROUBLE_CHARS), weight: 4 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: anyCodePoint, weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 3 },
);

/** Any text, leaning on what breaks writers. */
export function hostileText(maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ unit: hostileUnit, maxLength }), weight: 6 },
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 1 },
  );
}
