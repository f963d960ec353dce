import { describe, expect, it } from 'vitest';
import { exportFileName, suggestedExportFileName } from './file-name';

describe('exportFileName', () => {
  it.each([
    ['a plain label', 'Contacts - AS64500 Example', 'csv', 'Contacts - AS64500 Example.csv'],
    ['an extension behind a right-to-left override', 'Contacts - evil\u202Efdp.exe', 'csv', 'Contacts - evilfdp.exe.csv'],
    ['a right-to-left mark and isolates', 'a\u200Fb\u2067c\u2069d', 'vcf', 'abcd.vcf'],
    ['an Arabic letter mark', 'x\u061Cy', 'csv', 'xy.csv'],
    ['zero-width characters', 'pay\u200Bpal\u200C\u200D\u2060', 'csv', 'paypal.csv'],
    ['a byte order mark and a soft hyphen', '\uFEFFin\u00ADvoice', 'csv', 'invoice.csv'],
    ['C0 and C1 controls', 'a\u0000b\u001Bc\u007Fd\u0085e\u009Bf', 'csv', 'abcdef.csv'],
    ['line breaks and tabs', 'line one\nline two\r\n\tthree', 'csv', 'line one line two three.csv'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'csv', 'a b c.csv'],
    ['characters file systems reject', 'a<b>c:d"e/f\\g|h?i*j', 'csv', 'a b c d e f g h i j.csv'],
    ['a path walk', '../../../etc/passwd', 'csv', 'etc passwd.csv'],
    ['a Windows path', 'C:\\Windows\\System32\\evil', 'json', 'C Windows System32 evil.json'],
    ['a hidden file', '.bashrc', 'csv', 'bashrc.csv'],
    ['only dots', '...', 'csv', 'export.csv'],
    ['dots and spaces at the end', 'invoice.pdf . . .', 'csv', 'invoice.pdf.csv'],
    ['many spaces before a fake extension', `invoice.pdf${' '.repeat(80)}x`, 'csv', 'invoice.pdf x.csv'],
    ['Unicode spaces', 'a\u3000b\u00A0c\u2003d', 'csv', 'a b c d.csv'],
    ['a Windows device name', 'CON', 'csv', '_CON.csv'],
    ['a device name with an extension', 'nul.txt', 'json', '_nul.txt.json'],
    ['a device name with a superscript digit', 'COM¹', 'csv', '_COM¹.csv'],
    ['a name that only contains a device name', 'CONTACTS', 'csv', 'CONTACTS.csv'],
    ['a lone surrogate', 'AS1 \uD800 peers', 'csv', 'AS1 peers.csv'],
    ['a decomposed accent, composed', 'Cafe\u0301', 'csv', 'Café.csv'],
    ['emoji', 'Peers 🚀', 'vcf', 'Peers 🚀.vcf'],
    ['nothing', '', 'csv', 'export.csv'],
    ['only invisible characters', '\u202E\u200B\u0000', 'csv', 'export.csv'],
  ] as const)('handles %s', (_label, label, extension, expected) => {
    expect(exportFileName(label, extension)).toBe(expected);
  });

  it('keeps a long name within what file systems take, cutting between characters', () => {
    const name = exportFileName('🚀'.repeat(300), 'csv');
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
    expect(name.isWellFormed()).toBe(true);
    expect(name).toBe(`${'🚀'.repeat(50)}.csv`);
  });
});

describe('suggestedExportFileName', () => {
  it('keeps the format extension once, and adds it to any other', () => {
    expect(suggestedExportFileName('contacts.csv', 'csv')).toBe('contacts.csv');
    expect(suggestedExportFileName('contacts.CSV', 'csv')).toBe('contacts.csv');
    expect(suggestedExportFileName('contacts.csv', 'vcf')).toBe('contacts.csv.vcf');
    expect(suggestedExportFileName('run.exe', 'json')).toBe('run.exe.json');
    expect(suggestedExportFileName('.csv', 'csv')).toBe('export.csv');
  });
});
