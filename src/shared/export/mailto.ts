/**
 * mailto: links (RFC 6068), the only way the app writes one. Addresses come from PeeringDB,
 * where anyone can write `peer@x.example?bcc=attacker@y.example`: an address goes into a link
 * only when it is a plain one, and percent-encoded, so nothing in it can end the address part
 * and start fields of its own. Main reads links back with `parseMailto` before the OS sees
 * them. The link goes through the OS to the mail program, which is where length limits bite:
 * Windows and several mail programs cut or refuse links of a little over 2,000 characters, so
 * longer drafts are refused here with a reason.
 */

export const MAILTO_MAX_LENGTH = 2000;

export interface MailDraft {
  to: readonly string[];
  subject: string;
  body: string;
}

export type MailtoResult =
  | { ok: true; url: string; length: number; skippedAddresses: string[] }
  | { ok: false; reason: string; length: number; skippedAddresses: string[] };

/** What a mail link may carry: recipients, and at most a subject and a body. */
export interface MailLinkFields {
  to: string[];
  subject?: string;
  body?: string;
}

/**
 * Deliberately plain: one `@`, a dot in the domain, and nothing that separates recipients,
 * starts a query or an encoding, quotes, or hides (spaces, controls, direction overrides).
 * Letters of any script are fine: addresses can be internationalised.
 */
const ADDRESS_CHAR = String.raw`[^\s@,;:<>()[\]"\\?#&=%/\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFFFD]`;
const PLAIN_ADDRESS = new RegExp(`^${ADDRESS_CHAR}+@${ADDRESS_CHAR}+\\.${ADDRESS_CHAR}+$`, 'u');

export function isPlainEmailAddress(value: string): boolean {
  return value.isWellFormed() && PLAIN_ADDRESS.test(value);
}

/** Percent-encodes text for a link; a lone surrogate (which would throw) becomes U+FFFD. */
function encodeText(text: string): string {
  return encodeURIComponent(text.toWellFormed());
}

function encodeAddress(address: string): string {
  // '@' is left readable; everything else that could end the address or start a field is encoded.
  return encodeText(address).replace(/%40/g, '@');
}

/** Subjects are one line: a newline in a header is how headers get injected. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** The link for already checked fields; subject and body are encoded, line breaks as CRLF. */
function formatMailto(fields: MailLinkFields): string {
  const query: string[] = [];
  if (fields.subject !== undefined) query.push(`subject=${encodeText(fields.subject)}`);
  // RFC 6068: line breaks in a body are written as %0D%0A.
  if (fields.body !== undefined) query.push(`body=${encodeText(fields.body.replace(/\r\n|\r|\n/g, '\r\n'))}`);
  const recipients = fields.to.map(encodeAddress).join(',');
  return query.length > 0 ? `mailto:${recipients}?${query.join('&')}` : `mailto:${recipients}`;
}

/** A link that writes to one contact, or null when the address is not a plain one. */
export function mailtoLink(address: string): string | null {
  const trimmed = address.trim();
  return isPlainEmailAddress(trimmed) ? formatMailto({ to: [trimmed] }) : null;
}

export function buildMailto(draft: MailDraft, maxLength: number = MAILTO_MAX_LENGTH): MailtoResult {
  const unique = [...new Set(draft.to.map((a) => a.trim()).filter((a) => a.length > 0))];
  const addresses = unique.filter(isPlainEmailAddress);
  const skippedAddresses = unique.filter((a) => !isPlainEmailAddress(a));
  const url = formatMailto({ to: addresses, subject: oneLine(draft.subject), body: draft.body });
  if (url.length > maxLength) {
    return {
      ok: false,
      length: url.length,
      skippedAddresses,
      reason:
        `This draft is ${url.length.toLocaleString('en')} characters long as a mail link; mail programs ` +
        `accept about ${maxLength.toLocaleString('en')}. Copy it to the clipboard instead, or shorten the template.`,
    };
  }
  return { ok: true, url, length: url.length, skippedAddresses };
}

function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Reads a link as a mail program would, or null unless it holds one or more plain addresses
 * and nothing but a one-line subject and a body, each at most once. Anything else a mail
 * program might honour (to, cc, bcc, attach, in-reply-to, a fragment...) makes it null.
 */
export function parseMailto(url: string): MailLinkFields | null {
  if (!/^mailto:/i.test(url) || url.includes('#')) return null;
  const rest = url.slice('mailto:'.length);
  const queryAt = rest.indexOf('?');
  const addressPart = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const to: string[] = [];
  for (const encoded of addressPart.split(',')) {
    const address = decodeOrNull(encoded);
    if (address === null || !isPlainEmailAddress(address)) return null;
    to.push(address);
  }
  const fields: MailLinkFields = { to };
  if (queryAt < 0) return fields;
  for (const pair of rest.slice(queryAt + 1).split('&')) {
    const equals = pair.indexOf('=');
    if (equals < 0) return null;
    const name = pair.slice(0, equals).toLowerCase();
    const value = decodeOrNull(pair.slice(equals + 1));
    if (value === null || (name !== 'subject' && name !== 'body') || fields[name] !== undefined) return null;
    if (name === 'subject' && /[\r\n]/.test(value)) return null;
    fields[name] = value;
  }
  return fields;
}

/** The link main hands to the OS: rebuilt from what `parseMailto` checked, or null. */
export function checkedMailto(url: string): string | null {
  const fields = parseMailto(url);
  return fields ? formatMailto(fields) : null;
}
