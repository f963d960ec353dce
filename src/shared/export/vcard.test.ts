import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from './hostile-strings.test-support';
import { escapeVCardText, foldVCardLine, toVCard, VCARD_LINE_OCTETS, type VCardEntry } from './vcard';

type JCardProperty = [string, Record<string, unknown>, string, ...unknown[]];
type JCard = ['vcard', JCardProperty[], unknown[]];

/** Parses with an independent implementation (ical.js) into one record per card. */
function parseCards(text: string) {
  const parsed = ICAL.parse(text) as unknown as JCard | JCard[];
  const cards = (parsed[0] === 'vcard' ? [parsed] : parsed) as JCard[];
  return cards.map(([, properties]) => {
    const values = (name: string) => properties.filter((p) => p[0] === name).map((p) => p.slice(3));
    const one = (name: string) => values(name)[0]?.[0];
    return {
      version: one('version'),
      fn: one('fn'),
      org: values('org')[0]?.[0],
      role: one('role'),
      emails: values('email').map((v) => v[0]),
      tels: values('tel').map((v) => v[0]),
      urls: values('url').map((v) => v[0]),
      categories: values('categories')[0],
      note: one('note'),
    };
  });
}

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('toVCard', () => {
  it('writes a vCard 4.0 card with the required properties', () => {
    const text = toVCard([
      {
        fullName: 'Jane Doe',
        organization: ['Example Net'],
        role: 'Policy',
        emails: ['peering@example.net'],
        phones: ['+1 555 0100'],
        urls: ['https://example.net/peering'],
        categories: ['PeeringDB', 'AS64500'],
        note: 'AS64500 Example Net',
      },
    ]);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane Doe\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(parseCards(text)).toEqual([
      {
        version: '4.0',
        fn: 'Jane Doe',
        org: 'Example Net',
        role: 'Policy',
        emails: ['peering@example.net'],
        tels: ['+1 555 0100'],
        urls: ['https://example.net/peering'],
        categories: ['PeeringDB', 'AS64500'],
        note: 'AS64500 Example Net',
      },
    ]);
  });

  it('carries hostile text through a round trip, one card each', () => {
    const entries: VCardEntry[] = HOSTILE_STRINGS.map((text, i) => ({
      fullName: `${text} ${i}`,
      organization: [`${text} org`],
      role: text,
      emails: [`noc${i}@example.net`],
      note: `${text}\nsecond line`,
      categories: ['PeeringDB', text],
    }));
    const cards = parseCards(toVCard(entries));
    expect(cards).toHaveLength(entries.length);
    // vCard has no way to carry control characters other than newlines; they are dropped.
    // eslint-disable-next-line no-control-regex
    const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\r\n|\r/g, '\n');
    cards.forEach((card, i) => {
      const text = HOSTILE_STRINGS[i] as string;
      expect(card.fn).toBe(clean(`${text} ${i}`).trim());
      expect(card.org).toBe(clean(`${text} org`).trim());
      expect(card.note).toBe(clean(`${text}\nsecond line`).trim());
      expect(card.emails).toEqual([`noc${i}@example.net`]);
    });
  });

  it('keeps a semicolon inside the organisation name from splitting it', () => {
    const text = toVCard([{ fullName: 'x', organization: ['Net; Inc', 'Peering, team'] }]);
    expect(text.split('\r\n')[3]).toBe('ORG:Net\\; Inc;Peering\\, team');
    expect(parseCards(text)[0]?.org).toEqual(['Net; Inc', 'Peering, team']);
  });

  it('never lets a value start a property of its own', () => {
    const text = toVCard([{ fullName: 'Eve\r\nEMAIL:evil@example.com\nEND:VCARD', note: 'x\rBEGIN:VCARD' }]);
    const cards = parseCards(text);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.emails).toEqual([]);
    expect(text.split('\r\n').filter((l) => l === 'END:VCARD')).toHaveLength(1);
  });

  it('writes only web addresses as URL, in parsed form', () => {
    const text = toVCard([
      { fullName: 'x', urls: ['javascript:alert(1)', 'https://ok.example/a b', 'not a url', 'http://e.example/\nEND:VCARD'] },
    ]);
    expect(parseCards(text)[0]?.urls).toEqual(['https://ok.example/a%20b', 'http://e.example/END:VCARD']);
  });

  it('gives a card without a name a placeholder name, as FN is required', () => {
    expect(parseCards(toVCard([{ fullName: '   ' }]))[0]?.fn).toBe('Unnamed contact');
  });

  it('writes nothing for no entries', () => {
    expect(toVCard([])).toBe('');
  });
});

describe('foldVCardLine', () => {
  it('leaves a line of 75 octets as it is and folds one of 76', () => {
    expect(foldVCardLine('N'.repeat(75))).toBe('N'.repeat(75));
    expect(foldVCardLine('N'.repeat(76))).toBe(`${'N'.repeat(75)}\r\n N`);
  });

  it('keeps every physical line within 75 octets, the continuation space included', () => {
    const line = `NOTE:${'🚀é中a'.repeat(60)}`;
    const physical = foldVCardLine(line).split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(VCARD_LINE_OCTETS);
    physical.slice(1).forEach((part) => expect(part.startsWith(' ')).toBe(true));
  });

  it('never splits a UTF-8 character across lines', () => {
    for (let shift = 0; shift < 4; shift++) {
      const line = `FN:${'x'.repeat(shift)}${'🚀'.repeat(40)}مرحبا${'é'.repeat(50)}`;
      const physical = foldVCardLine(line).split('\r\n');
      for (const part of physical) {
        // A split character would not survive a UTF-8 round trip on its own line.
        expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
        expect(part).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
      }
      expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    }
  });

  it('folds long cards so that a parser unfolds them to the original value', () => {
    const name = `${'Long name with emoji 👩‍💻 and Arabic مرحبا, '.repeat(6)}end`;
    const text = toVCard([{ fullName: name }]);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(parseCards(text)[0]?.fn).toBe(name);
  });
});

describe('what property tests found', () => {
  it('names a contact whose name is control characters only', () => {
    const text = toVCard([{ fullName: '\u0000', note: '\u0007\u0000', role: '\u001B', emails: ['\u0000'] }]);
    expect(parseCards(text)[0]).toMatchObject({ fn: 'Unnamed contact', role: undefined, note: undefined, emails: [] });
    expect(text).not.toMatch(/^(NOTE|ROLE|EMAIL[^:]*):$/m);
  });

  it('writes a lone surrogate as U+FFFD instead of breaking the file', () => {
    const text = toVCard([{ fullName: 'Broken \uD800 Name', note: '\uDC00' }]);
    expect(text.isWellFormed()).toBe(true);
    expect(parseCards(text)[0]).toMatchObject({ fn: 'Broken \uFFFD Name', note: '\uFFFD' });
  });
});

describe('escapeVCardText', () => {
  it('escapes backslash, comma and newlines; semicolons only in compound values', () => {
    expect(escapeVCardText('a\\b,c;d\ne')).toBe('a\\\\b\\,c;d\\ne');
    expect(escapeVCardText('a;b', true)).toBe('a\\;b');
  });
});
