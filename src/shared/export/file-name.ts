/**
 * File names for exports. The label comes from PeeringDB data (a network's or an exchange's
 * name), which anyone can write, so a name is reduced to what shows as it is on every file
 * system: no invisible or direction-changing characters that could make "evil‮vsc.exe" read
 * as "evilexe.csv", nothing a file system rejects or treats specially, and always the export's
 * own extension at the end.
 */

export type ExportExtension = 'csv' | 'vcf' | 'json' | 'txt';

/**
 * Control characters (C0, DEL, C1), format characters (bidirectional overrides and isolates,
 * zero-width joiners and spaces, the soft hyphen, the byte order mark), line and paragraph
 * separators, and the replacement character a lone surrogate becomes.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFFFD]/gu;
/** Characters Windows, macOS or Linux reject in a name or read as a path. */
const RESERVED = /[<>:"/\\|?*]/g;
/** Names Windows keeps for devices, whatever the extension (CON.csv opens the console). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** File systems count a name's length in bytes (255 on most); the extension needs room. */
const MAX_STEM_BYTES = 200;

function utf8Bytes(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

function truncateToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  // By code point, so a cut never leaves half of a surrogate pair behind.
  for (const char of text) {
    bytes += utf8Bytes(char);
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** The part of a name before its extension, made safe to show and to save. */
function safeStem(label: string): string {
  let stem = label
    .toWellFormed()
    .normalize('NFC')
    // Line breaks and tabs part words; only then do the invisible characters go.
    .replace(/\s/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(RESERVED, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  stem = truncateToBytes(stem, MAX_STEM_BYTES);
  // A leading dot hides the file; trailing dots and spaces are dropped by Windows, which would
  // let the last word before them pass for the extension.
  stem = stem.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
  if (WINDOWS_DEVICE.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  return stem;
}

/** A file name for an export: the label made safe, then the format's own extension. */
export function exportFileName(label: string, extension: ExportExtension): string {
  return `${safeStem(label) || 'export'}.${extension}`;
}

/**
 * The name the page suggested, as main lets it reach the save dialog: made safe again (main
 * trusts nothing from the page) and ending in the format's extension, never another one.
 */
export function suggestedExportFileName(suggested: string, extension: ExportExtension): string {
  return exportFileName(suggested.replace(new RegExp(`\\.${extension}$`, 'i'), ''), extension);
}
