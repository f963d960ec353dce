/**
 * Mail links for any text: building one never throws; every link built is one main lets
 * through; a mail program reading it finds exactly the plain addresses given, the subject on
 * one line and the body, and nothing else; no address can add a recipient or a field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText } from './hostile-text.test-support';
import { buildMailto, checkedMailto, isPlainEmailAddress, mailtoLink, oneLine, parseMailto } from './mailto';

/** RFC 6068 as a mail program reads it, written apart from the app's parser. */
function readAsMailProgram(url: string): { to: string[]; fields: [string, string][] } {
  expect(url.startsWith('mailto:')).toBe(true);
  const rest = url.slice('mailto:'.length);
  const queryAt = rest.indexOf('?');
  const addresses = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const query = queryAt < 0 ? '' : rest.slice(queryAt + 1);
  const to = addresses === '' ? [] : addresses.split(',').map(decodeURIComponent);
  const fields: [string, string][] = query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return [name.toLowerCase(), decodeURIComponent(value)];
    });
  // Fields can also bring recipients: a to= field, or an address in a header.
  for (const [name, value] of fields) if (name === 'to' || name === 'cc' || name === 'bcc') to.push(value);
  return { to, fields };
}

const plainAddress = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,15}$/),
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/),
    fc.constantFrom('net', 'example', 'com', 'xn--p1ai'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
const anyAddress = fc.oneof(plainAddress, hostileText(30), fc.tuple(plainAddress, hostileText(30)).map(([a, b]) => a + b));

describe('mail links from any draft', () => {
  it('never throw, pass main, and carry only the plain recipients, the subject and the body', () => {
    fc.assert(
      fc.property(fc.array(anyAddress, { maxLength: 4 }), hostileText(60), hostileText(200), (to, subject, body) => {
        const result = buildMailto({ to, subject, body }, 100_000);
        if (!result.ok) throw new Error(result.reason);
        const plain = [...new Set(to.map((address) => address.trim()))].filter(isPlainEmailAddress);
        const read = readAsMailProgram(result.url);
        expect(read.to).toEqual(plain);
        expect(read.fields.map(([name]) => name)).toEqual(['subject', 'body']);
        expect(read.fields[0]![1]).toBe(oneLine(subject.toWellFormed()));
        expect(read.fields[1]![1]).toBe(body.toWellFormed().replace(/\r\n|\r|\n/g, '\r\n'));
        if (plain.length > 0) expect(checkedMailto(result.url)).toBe(result.url);
      }),
      { numRuns: 500 },
    );
  });

  it('link a contact only at a plain address, to that address alone', () => {
    fc.assert(
      fc.property(anyAddress, (address) => {
        const link = mailtoLink(address);
        if (link === null) {
          expect(isPlainEmailAddress(address.trim())).toBe(false);
          return;
        }
        expect(readAsMailProgram(link)).toEqual({ to: [address.trim()], fields: [] });
        expect(checkedMailto(link)).toBe(link);
      }),
      { numRuns: 500 },
    );
  });
});

describe('main reading any mailto link', () => {
  const linkText = fc.oneof(
    hostileText(80),
    fc.tuple(plainAddress, hostileText(60)).map(([address, rest]) => `${address}${rest}`),
    fc
      .tuple(plainAddress, fc.constantFrom('?', '?bcc=', '?to=', '?attach=', '?subject=x&', '?body=', ',', '%3F', '%2C', '&cc='), hostileText(40))
      .map(([address, joint, rest]) => `${address}${joint}${rest}`),
  );

  it('lets through only plain recipients with at most a one-line subject and a body', () => {
    fc.assert(
      fc.property(linkText, (rest) => {
        const fields = parseMailto(`mailto:${rest}`);
        if (fields === null) return;
        expect(fields.to.length).toBeGreaterThan(0);
        for (const address of fields.to) expect(isPlainEmailAddress(address)).toBe(true);
        expect(fields.subject ?? '').not.toMatch(/[\r\n]/);
        const link = checkedMailto(`mailto:${rest}`)!;
        const read = readAsMailProgram(link);
        expect(read.to).toEqual(fields.to);
        expect(read.fields.every(([name]) => name === 'subject' || name === 'body')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
