import { describe, expect, it } from 'vitest';
import { buildMailto, MAILTO_MAX_LENGTH } from './mailto';

/** Reads a mailto: link back the way a mail program does (RFC 6068). */
function readMailto(url: string) {
  expect(url.startsWith('mailto:')).toBe(true);
  const [to = '', query = ''] = url.slice('mailto:'.length).split('?');
  const fields = new Map<string, string>();
  for (const pair of query.split('&')) {
    const [key = '', value = ''] = pair.split('=');
    fields.set(key, decodeURIComponent(value));
  }
  return {
    to: to ? to.split(',').map(decodeURIComponent) : [],
    subject: fields.get('subject'),
    body: fields.get('body'),
    keys: [...fields.keys()],
  };
}

describe('buildMailto', () => {
  it('addresses the draft and encodes subject and body', () => {
    const result = buildMailto({
      to: ['peering@example.net', 'noc@example.net'],
      subject: 'Peering request: AS64500 & AS64501 = 100%',
      body: 'Hello,\nline two: ?&=#+\r\nCafé 🚀',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.url.startsWith('mailto:peering@example.net,noc@example.net?subject=')).toBe(true);
    expect(readMailto(result.url)).toEqual({
      to: ['peering@example.net', 'noc@example.net'],
      subject: 'Peering request: AS64500 & AS64501 = 100%',
      body: 'Hello,\r\nline two: ?&=#+\r\nCafé 🚀',
      keys: ['subject', 'body'],
    });
  });

  it('drops duplicate addresses and refuses ones that could inject fields', () => {
    const result = buildMailto({
      to: ['a@example.net', 'A@example.net ', 'a@example.net', 'x@example.net?bcc=evil@example.com', 'Eve <e@example.net>', ''],
      subject: 's',
      body: 'b',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(readMailto(result.url).to).toEqual(['a@example.net', 'A@example.net']);
    expect(result.skippedAddresses).toEqual(['x@example.net?bcc=evil@example.com', 'Eve <e@example.net>']);
    expect(readMailto(result.url).keys).toEqual(['subject', 'body']);
  });

  it('keeps the subject on one line', () => {
    const result = buildMailto({ to: [], subject: 'Hi\r\nBcc: evil@example.com', body: '' });
    if (!result.ok) throw new Error(result.reason);
    expect(readMailto(result.url).subject).toBe('Hi Bcc: evil@example.com');
  });

  it('refuses a link longer than mail programs accept, saying why', () => {
    const result = buildMailto({ to: ['a@example.net'], subject: 's', body: 'é'.repeat(400) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.length).toBeGreaterThan(MAILTO_MAX_LENGTH);
    expect(result.reason).toMatch(/characters long.*Copy it to the clipboard/);
  });

  it('accepts a link right at the limit', () => {
    const base = buildMailto({ to: ['a@example.net'], subject: 's', body: '' });
    const room = MAILTO_MAX_LENGTH - base.length;
    const atLimit = buildMailto({ to: ['a@example.net'], subject: 's', body: 'x'.repeat(room) });
    expect(atLimit.ok).toBe(true);
    expect(atLimit.length).toBe(MAILTO_MAX_LENGTH);
    expect(buildMailto({ to: ['a@example.net'], subject: 's', body: 'x'.repeat(room + 1) }).ok).toBe(false);
  });
});
