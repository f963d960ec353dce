import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv, type CsvColumn } from './csv';
import { HOSTILE_STRINGS } from './hostile-strings.test-support';

interface Row {
  name: string;
  asn: number;
  note: string | null;
}

const COLUMNS: CsvColumn<Row>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'ASN', value: (r) => r.asn },
  { header: 'Note', value: (r) => r.note },
];

function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  // RFC 4180 ends the last record with CRLF too, which papaparse reads as one empty row.
  const rows = result.data;
  expect(rows.at(-1)).toEqual(['']);
  return rows.slice(0, -1);
}

/** What a spreadsheet shows for a neutralised cell: the text without the guard apostrophe. */
function shown(cell: string, original: string): string {
  return cell === original ? cell : cell.replace(/^'/, '');
}

describe('toCsv', () => {
  it('writes a header, quotes every field and ends every record with CRLF', () => {
    const text = toCsv(COLUMNS, [{ name: 'Example', asn: 64500, note: null }]);
    expect(text).toBe('"Name","ASN","Note"\r\n"Example","64500",""\r\n');
  });

  it('carries hostile names through a round trip, with formulas neutralised', () => {
    const rows: Row[] = HOSTILE_STRINGS.map((name, i) => ({ name, asn: 64500 + i, note: `${name} again` }));
    const parsed = parse(toCsv(COLUMNS, rows));
    expect(parsed[0]).toEqual(['Name', 'ASN', 'Note']);
    expect(parsed).toHaveLength(rows.length + 1);
    rows.forEach((row, i) => {
      const [name, asn, note] = parsed[i + 1] as [string, string, string];
      expect(shown(name, row.name)).toBe(row.name);
      expect(Number(asn)).toBe(row.asn);
      expect(note).toBe(`${row.name} again`.match(/^[=+\-@\t\r＝]/) ? `'${row.name} again` : `${row.name} again`);
    });
  });

  it('never leaves a cell that a spreadsheet would evaluate', () => {
    const rows: Row[] = HOSTILE_STRINGS.map((name) => ({ name, asn: 1, note: name }));
    const parsed = parse(toCsv(COLUMNS, rows));
    for (const record of parsed.slice(1)) {
      expect(record[0]).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
      expect(record[2]).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
    }
    const formulaCells = parsed.slice(1).map((r) => r[0]);
    expect(formulaCells).toContain(`'=HYPERLINK("http://evil")`);
    expect(formulaCells).toContain(`'+cmd|' /C calc'!A0`);
    expect(formulaCells).toContain(`'-2+3`);
    expect(formulaCells).toContain(`'@SUM(1)`);
  });

  it('neutralises a formula even when a newline follows it', () => {
    // papaparse's own escapeFormulae pattern misses this case ('.' stops at the newline).
    expect(neutraliseFormula('=1+1\nmore')).toBe("'=1+1\nmore");
    const parsed = parse(toCsv(COLUMNS, [{ name: '=1+1\nmore', asn: 1, note: '' }]));
    expect(parsed[1]?.[0]).toBe("'=1+1\nmore");
  });

  it('keeps ordinary text and negative numbers as they are', () => {
    expect(neutraliseFormula('AS-EXAMPLE')).toBe('AS-EXAMPLE');
    const parsed = parse(toCsv(COLUMNS, [{ name: 'Net', asn: -5, note: 'a-b' }]));
    expect(parsed[1]).toEqual(['Net', '-5', 'a-b']);
  });

  it('can start with a UTF-8 byte order mark for spreadsheets, which parsers skip', () => {
    const text = toCsv(COLUMNS, [{ name: 'Café 🚀', asn: 1, note: '' }], { byteOrderMark: true });
    expect(text.startsWith('\uFEFF"Name"')).toBe(true);
    expect(parse(text)[1]?.[0]).toBe('Café 🚀');
  });

  it('writes a negative number in exponent form as a number, and the same text neutralised', () => {
    // Found by the property test: numbers are never neutralised, text that looks like one is.
    const parsed = parse(toCsv(COLUMNS, [{ name: '-5e-324', asn: -5e-324, note: null }]));
    expect(parsed[1]).toEqual(["'-5e-324", '-5e-324', '']);
  });

  it('writes a lone surrogate as U+FFFD, so the file is valid UTF-8', () => {
    const text = toCsv(COLUMNS, [{ name: 'Broken \uD800 Name', asn: 1, note: '=\uDC00' }]);
    expect(text.isWellFormed()).toBe(true);
    expect(parse(text)[1]).toEqual(['Broken \uFFFD Name', '1', "'=\uFFFD"]);
  });

  it('writes only the header for an empty table', () => {
    expect(parse(toCsv(COLUMNS, []))).toEqual([['Name', 'ASN', 'Note']]);
  });
});
