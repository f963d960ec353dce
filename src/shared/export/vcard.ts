/**
 * vCard 4.0 (RFC 6350) writer for contact cards.
 *
 * Written here rather than taken from a library: the maintained one that speaks vCard 4.0
 * (ical.js) works on jCard structures, weighs ~10k lines for the ~60 needed here, and folds
 * continuation lines to 75 octets *after* the leading space (76 on the wire), which RFC 6350
 * section 3.2 does not allow. The tests parse this output back with ical.js.
 */

export interface VCardEntry {
  /** Formatted name: required by RFC 6350. */
  fullName: string;
  /** Organisation name first, then units. */
  organization?: readonly string[];
  role?: string;
  emails?: readonly string[];
  phones?: readonly string[];
  urls?: readonly string[];
  note?: string;
  categories?: readonly string[];
}

const CRLF = '\r\n';
/** RFC 6350 section 3.2: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const VCARD_LINE_OCTETS = 75;

/**
 * Value escaping (RFC 6350 section 3.4 and its ABNF): backslash, comma and newlines always;
 * semicolon only inside the components of a compound value (ORG), where it separates them.
 * In plain text the grammar has no "\;" and parsers such as ical.js keep it verbatim.
 */
export function escapeVCardText(value: string, compound = false): string {
  return (
    value
      // A lone surrogate cannot be written as UTF-8: it becomes U+FFFD.
      .toWellFormed()
      .replace(compound ? /[\\,;]/g : /[\\,]/g, (c) => `\\${c}`)
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters have no escape in vCard and confuse address books: drop them.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
  );
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line so no physical line exceeds 75 octets of UTF-8, counting the space
 * that starts a continuation line. Breaks fall between code points, never inside one.
 */
export function foldVCardLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > VCARD_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** Keeps only web addresses, in their parsed form: a URI value is not escaped, so it must be clean. */
function safeUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A value as written, or null when nothing of it would be left: a value of control characters
 * only writes an empty property, which address books show as a blank field.
 */
function textValue(value: string | undefined, compound = false): string | null {
  const text = escapeVCardText(value?.trim() ?? '', compound);
  return text.trim() ? text : null;
}

function textValues(values: readonly string[] | undefined, compound = false): string[] {
  return (values ?? []).flatMap((value) => textValue(value, compound) ?? []);
}

function cardLines(entry: VCardEntry): string[] {
  // FN is required: a card must name someone.
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${textValue(entry.fullName) ?? 'Unnamed contact'}`];
  const organization = textValues(entry.organization, true);
  // ORG is structured: components are separated by unescaped semicolons.
  if (organization.length > 0) lines.push(`ORG:${organization.join(';')}`);
  const role = textValue(entry.role);
  if (role) lines.push(`ROLE:${role}`);
  for (const email of textValues(entry.emails)) lines.push(`EMAIL;TYPE=work:${email}`);
  for (const phone of textValues(entry.phones)) lines.push(`TEL;TYPE=work;VALUE=text:${phone}`);
  for (const url of entry.urls ?? []) {
    const clean = safeUrl(url);
    if (clean) lines.push(`URL:${clean}`);
  }
  const categories = textValues(entry.categories);
  // CATEGORIES is a list: commas between values, escaped inside them.
  if (categories.length > 0) lines.push(`CATEGORIES:${categories.join(',')}`);
  const note = textValue(entry.note);
  if (note) lines.push(`NOTE:${note}`);
  lines.push('END:VCARD');
  return lines;
}

/** A .vcf file: one card per entry, CRLF line ends, folded lines. */
export function toVCard(entries: readonly VCardEntry[]): string {
  return entries.flatMap(cardLines).map(foldVCardLine).join(CRLF) + (entries.length > 0 ? CRLF : '');
}
