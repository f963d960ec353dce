/**
 * vCard for any text: it never throws, it is valid UTF-8 text, no physical line is longer
 * than 75 octets, lines break only as CRLF, and an independent parser (ical.js) reads back
 * the text written, less the control characters vCard cannot carry.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { hostileText } from './hostile-text.test-support';
import { toVCard, VCARD_LINE_OCTETS, type VCardEntry } from './vcard';

type JCardProperty = [string, Record<string, unknown>, string, ...unknown[]];
type JCard = ['vcard', JCardProperty[], unknown[]];

function readBack(text: string): JCardProperty[][] {
  const parsed = ICAL.parse(text) as unknown as JCard | JCard[];
  const cards = (parsed[0] === 'vcard' ? [parsed] : parsed) as JCard[];
  return cards.map(([, properties]) => properties);
}

/** What a text value is once written and read: well-formed, line breaks as \n, no other controls. */
function asRead(value: string): string {
  return (
    value
      .trim()
      .toWellFormed()
      .replace(/\r\n|\r|\n/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
  );
}

const entry: fc.Arbitrary<VCardEntry> = fc.record({
  fullName: hostileText(),
  organization: fc.array(hostileText(20), { maxLength: 3 }),
  role: hostileText(20),
  emails: fc.array(hostileText(30), { maxLength: 2 }),
  note: hostileText(120),
});

describe('vCard of any text', () => {
  it('is well-formed, folded to 75 octets, and reads back as written', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 3 }), (entries) => {
        const text = toVCard(entries);
        expect(text.isWellFormed()).toBe(true);
        expect(text.endsWith('\r\n')).toBe(true);
        expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        for (const line of text.slice(0, -2).split('\r\n')) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(VCARD_LINE_OCTETS);
        }
        const cards = readBack(text);
        expect(cards).toHaveLength(entries.length);
        cards.forEach((properties, index) => {
          const source = entries[index]!;
          const value = (name: string) => properties.find((property) => property[0] === name)?.[3];
          const fullName = asRead(source.fullName);
          expect(value('fn')).toBe(fullName.trim() ? fullName : 'Unnamed contact');
          const note = asRead(source.note ?? '');
          if (note.trim()) expect(value('note')).toBe(note);
          else expect(value('note')).toBeUndefined();
        });
      }),
      { numRuns: 300 },
    );
  });
});
