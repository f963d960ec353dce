/**
 * A peering request as a standard message file (.eml: RFC 5322, UTF-8 with RFC 2047 encoded
 * headers, CRLF lines, folded headers), which every mail program opens whatever its length,
 * unlike a mailto: link. Written by nodemailer's composer, which encodes and folds headers;
 * `X-Unsent: 1` makes Outlook open it as a draft to edit and send.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { isPlainEmailAddress, oneLine } from '../../shared/export/mailto';

export interface EmlDraft {
  to: readonly string[];
  subject: string;
  body: string;
}

export async function writeEml(draft: EmlDraft, date: Date = new Date()): Promise<string> {
  // Only plain addresses reach the header: a display name or a comma in PeeringDB's text could add recipients.
  const to = [...new Set(draft.to.map((a) => a.trim()))].filter(isPlainEmailAddress);
  const composer = new MailComposer({
    to,
    subject: oneLine(draft.subject),
    text: draft.body.replace(/\r\n|\r|\n/g, '\r\n'),
    textEncoding: 'quoted-printable',
    date,
    headers: { 'X-Unsent': '1' },
  });
  const message = await composer.compile().build();
  return message.toString('utf8');
}

/** A file name for the draft: the peer's ASN and the date, nothing taken from PeeringDB's text. */
export function emlFileName(peerAsn: number, date: Date = new Date()): string {
  return `peering-request-AS${peerAsn}-${date.toISOString().slice(0, 10)}.eml`;
}
