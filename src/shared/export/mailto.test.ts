import { describe, expect, it } from 'vitest';
import { buildMailto, checkedMailto, MAILTO_MAX_LENGTH, mailtoLink, parseMailto } from './mailto';

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

describe('a link to write to one contact', () => {
  it.each([
    ['peering@example.net', 'mailto:peering@example.net'],
    ['  noc@example.net  ', 'mailto:noc@example.net'],
    ['peering+as64500@example.net', 'mailto:peering%2Bas64500@example.net'],
    ["o'brien@example.net", "mailto:o'brien@example.net"],
    ['péering@exämple.net', 'mailto:p%C3%A9ering@ex%C3%A4mple.net'],
  ])('links %j', (address, link) => {
    expect(mailtoLink(address)).toBe(link);
  });

  it.each([
    ['a bcc after the address', 'peer@x.example?bcc=attacker@y.example&body=...'],
    ['a query without a second address', 'peer@x.example?body=Send%20me%20your%20config'],
    ['an attachment', 'peer@x.example?attach=/etc/passwd'],
    ['a second recipient', 'peer@x.example,attacker@y.example'],
    ['a second recipient after a semicolon', 'peer@x.example;attacker@y.example'],
    ['a fragment', 'peer@x.example#x'],
    ['percent-encoding', 'peer@x.example%3Fbcc%3Dattacker@y.example'],
    ['a display name', 'Peer <peer@x.example>'],
    ['a quoted local part', '"peer,attacker"@x.example'],
    ['a space inside', 'peer @x.example'],
    ['a newline inside', 'peer@x.example\nBcc: attacker@y.example'],
    ['a right-to-left override', 'peer@\u202Eelpmaxe.x'],
    ['a zero-width space', 'pe\u200Ber@x.example'],
    ['a lone surrogate', 'pe\uD800er@x.example'],
    ['a path', 'peer@x.example/../../etc'],
    ['no domain dot', 'root@localhost'],
    ['no at sign', 'peering.example.net'],
    ['two at signs', 'a@b@x.example'],
    ['a javascript URL', 'javascript:alert(1)//@x.example'],
    ['nothing', ''],
  ])('shows %s as text, never as a link', (_label, address) => {
    expect(mailtoLink(address)).toBeNull();
  });
});

describe('reading a link back as main does', () => {
  it('gives the recipients, subject and body of a link built here', () => {
    const built = buildMailto({ to: ['a@example.net', 'b@example.net'], subject: 'Hi & bye', body: 'x=1\ny?' });
    if (!built.ok) throw new Error(built.reason);
    expect(parseMailto(built.url)).toEqual({ to: ['a@example.net', 'b@example.net'], subject: 'Hi & bye', body: 'x=1\r\ny?' });
    expect(checkedMailto(built.url)).toBe(built.url);
  });

  it('never throws on malformed encoding, it refuses', () => {
    expect(parseMailto('mailto:a@example.net?body=%')).toBeNull();
    expect(parseMailto('mailto:%E0%A4%A@example.net')).toBeNull();
    expect(parseMailto('mailto:a@example.net?subject=%ED%A0%80')).toBeNull();
  });
});
