import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { emlFileName, writeEml } from './eml';

const DATE = new Date(Date.UTC(2026, 3, 16, 9, 30));

/** The header block, unfolded, as name/value pairs in order. */
function headerFields(eml: string): [string, string][] {
  const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
  return head
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as [string, string];
    });
}

describe('writeEml', () => {
  it('writes an RFC 5322 message with CRLF lines, encoded UTF-8 subject and body, marked unsent', async () => {
    const subject = 'Peering request: AS64500 Café Net / AS64501 Ünïcode 🚀 ' + 'long words '.repeat(12);
    const body = 'Hello,\nline two: äöü 🚀\n\n' + 'x'.repeat(300);
    const eml = await writeEml({ to: ['peering@example.net', 'noc@example.net'], subject, body }, DATE);

    expect(eml).not.toMatch(/[^\r]\n/);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    // Headers are ASCII (RFC 2047 words) and folded at 78 characters.
    const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(headerFields(eml).map(([name]) => name)).toEqual(
      expect.arrayContaining(['to', 'subject', 'date', 'mime-version', 'content-type', 'x-unsent']),
    );

    const parsed = await PostalMime.parse(eml);
    expect(parsed.subject).toBe(subject.trim());
    expect(parsed.to?.map((a) => ('address' in a ? a.address : ''))).toEqual(['peering@example.net', 'noc@example.net']);
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(body);
    expect(parsed.date).toBe(DATE.toISOString());
  });

  it('cannot be made to inject headers or recipients by a hostile subject or address', async () => {
    const eml = await writeEml(
      {
        to: ['ok@example.net', 'x@example.net\r\nBcc: evil@example.com', 'Eve <eve@example.com>', 'a@example.net,b@example.com'],
        subject: 'Hi\r\nBcc: evil@example.com\nX-Evil: 1',
        body: 'body\r\n\r\nBcc: evil@example.com',
      },
      DATE,
    );
    const names = headerFields(eml).map(([name]) => name);
    expect(names).not.toContain('bcc');
    expect(names).not.toContain('x-evil');
    const parsed = await PostalMime.parse(eml);
    expect(parsed.to?.map((a) => ('address' in a ? a.address : ''))).toEqual(['ok@example.net']);
    expect(parsed.bcc ?? []).toEqual([]);
    expect(parsed.subject).toBe('Hi Bcc: evil@example.com X-Evil: 1');
  });

  it('writes a draft with no recipient when the network lists no address', async () => {
    const eml = await writeEml({ to: [], subject: 's', body: 'b' }, DATE);
    expect(headerFields(eml).map(([name]) => name)).not.toContain('to');
  });
});

describe('emlFileName', () => {
  it('names the file by ASN and date only', () => {
    expect(emlFileName(64501, DATE)).toBe('peering-request-AS64501-2026-04-16.eml');
  });
});
