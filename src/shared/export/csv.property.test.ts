/**
 * CSV for any text: it never throws, it is valid UTF-8 text, a spreadsheet reads back exactly
 * the cells written (formula starts behind an apostrophe), and no cell starts a formula.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv, type CsvCell, type CsvColumn } from './csv';
import { hostileText } from './hostile-text.test-support';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

function readBack(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: ',' });
  expect(result.errors).toEqual([]);
  expect(result.data.at(-1)).toEqual(['']);
  return result.data.slice(0, -1);
}

const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  { arbitrary: hostileText(), weight: 8 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined), weight: 1 },
);

function expectedText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return neutraliseFormula(value);
}

describe('CSV of any text', () => {
  it('reads back as written, with no formula and no lone surrogate', () => {
    fc.assert(
      fc.property(fc.array(hostileText(20), { minLength: 1, maxLength: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 6 }), (headers, rows) => {
        const columns: CsvColumn<CsvCell[]>[] = headers.map((header, index) => ({ header, value: (row) => row[index] }));
        const text = toCsv(columns, rows, { byteOrderMark: true });
        expect(text.isWellFormed()).toBe(true);
        expect(text.startsWith('\uFEFF')).toBe(true);
        const parsed = readBack(text.slice(1));
        expect(parsed[0]).toEqual(headers.map((header) => neutraliseFormula(header)));
        expect(parsed.slice(1)).toEqual(rows.map((row) => headers.map((_, index) => expectedText(row[index]))));
        // Text never starts a formula; numbers are written as numbers (a spreadsheet sums "-5").
        const textCells = [
          ...parsed[0]!,
          ...parsed.slice(1).flatMap((line, row) => line.filter((_, index) => typeof rows[row]![index] === 'string')),
        ];
        for (const value of textCells) {
          if (!value.startsWith("'")) expect(value).not.toMatch(FORMULA_START);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a number a number, negative ones included', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const [, row] = readBack(toCsv([{ header: 'n', value: (v: number) => v }], [value]));
        expect(Number(row![0])).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
