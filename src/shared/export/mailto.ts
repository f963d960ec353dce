/**
 * mailto: links for drafts (RFC 6068). The link goes through the OS to the mail program,
 * which is where length limits bite: Windows and several mail programs cut or refuse links
 * of a little over 2,000 characters, so longer drafts are refused here with a reason.
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

/** Deliberately plain: anything with spaces, separators or brackets is not put in the header. */
const PLAIN_ADDRESS = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

export function isPlainEmailAddress(value: string): boolean {
  return PLAIN_ADDRESS.test(value);
}

function encodeAddress(address: string): string {
  // '@' is left readable; everything else that could end the address or start a header is encoded.
  return encodeURIComponent(address).replace(/%40/g, '@');
}

/** Subjects are one line: a newline in a header is how headers get injected. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

export function buildMailto(draft: MailDraft, maxLength: number = MAILTO_MAX_LENGTH): MailtoResult {
  const unique = [...new Set(draft.to.map((a) => a.trim()).filter((a) => a.length > 0))];
  const addresses = unique.filter(isPlainEmailAddress);
  const skippedAddresses = unique.filter((a) => !isPlainEmailAddress(a));
  // RFC 6068: line breaks in a body are written as %0D%0A.
  const body = draft.body.replace(/\r\n|\r|\n/g, '\r\n');
  const query = [`subject=${encodeURIComponent(oneLine(draft.subject))}`, `body=${encodeURIComponent(body)}`];
  const url = `mailto:${addresses.map(encodeAddress).join(',')}?${query.join('&')}`;
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
