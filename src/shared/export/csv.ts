/**
 * CSV for spreadsheets (RFC 4180): every field quoted, CRLF line ends, a header row.
 * Names and notes come from PeeringDB, which anyone can edit, so a cell a spreadsheet would
 * read as a formula is neutralised before it is written (OWASP "CSV Injection").
 */
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

export interface CsvOptions {
  /**
   * Start the file with a UTF-8 byte order mark. Excel reads a CSV without one in the
   * machine's legacy code page, which garbles every non-ASCII name.
   */
  byteOrderMark?: boolean;
}

/**
 * Characters that make a spreadsheet evaluate a cell (OWASP's list), plus their full-width
 * forms, which some spreadsheets fold to the ASCII ones before deciding.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell's text as it is written: a lone surrogate (PeeringDB text has them) becomes U+FFFD, so
 * the file is valid UTF-8, and a leading apostrophe makes the spreadsheet show text that would
 * start a formula as typed, never evaluating it.
 */
export function neutraliseFormula(text: string): string {
  const wellFormed = text.toWellFormed();
  return FORMULA_START.test(wellFormed) ? `'${wellFormed}` : wellFormed;
}

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // A number's own digits cannot form a formula; "-5" stays a number the spreadsheet can sum.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return neutraliseFormula(value);
}

/** Any table as CSV text: one header row, then one row per item, in the given order. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], options: CsvOptions = {}): string {
  const table = [columns.map((column) => neutraliseFormula(column.header))];
  for (const row of rows) table.push(columns.map((column) => cellText(column.value(row))));
  const text = Papa.unparse(table, {
    quotes: true,
    quoteChar: '"',
    escapeChar: '"',
    delimiter: ',',
    newline: '\r\n',
    // Neutralised above, column by column, with a stricter rule than the library's default.
    escapeFormulae: false,
  });
  // RFC 4180 ends every record, the last one included, with CRLF.
  const body = `${text}\r\n`;
  return options.byteOrderMark ? `\uFEFF${body}` : body;
}
