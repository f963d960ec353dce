import { describe, expect, it } from 'vitest';
import { checkPeeringDbUrl, isLoopbackHost, NOT_HTTP_PROBLEM } from './peeringdb-address';

describe('a server on this computer', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '127.255.255.254', '[::1]', '::1', '[::ffff:7f00:1]', '[0:0:0:0:0:0:0:1]'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    'localhost.evil.example',
    'evil-localhost',
    '127.0.0.1.nip.io',
    '0.0.0.0',
    '10.0.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '[::]',
    '[fe80::1]',
    '[::ffff:10.0.0.1]',
    'www.peeringdb.com',
    '',
  ])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('addresses to sync from', () => {
  it.each([
    'https://www.peeringdb.com/api',
    'https://peeringdb.com/api/',
    'https://mirror.example.net:8443/peeringdb/api',
    'https://192.0.2.10/api',
    'https://[2001:db8::1]/api',
    'http://localhost:8080/api',
    'http://127.0.0.1:9/api',
    'http://[::1]:8000/api',
    // The URL parser reads these as 127.0.0.1, and so does the network stack.
    'http://2130706433/api',
    'http://0x7f.1/api',
    '  https://www.peeringdb.com/api  ',
  ])('accepts %s', (value) => {
    expect(checkPeeringDbUrl(value)).toMatchObject({ ok: true });
  });

  it.each([
    ['ftp://mirror.example/api', NOT_HTTP_PROBLEM],
    ['file:///etc/passwd', NOT_HTTP_PROBLEM],
    ['javascript:alert(1)', NOT_HTTP_PROBLEM],
    ['data:text/plain,x', NOT_HTTP_PROBLEM],
    ['ws://127.0.0.1/api', NOT_HTTP_PROBLEM],
    ['www.peeringdb.com/api', NOT_HTTP_PROBLEM],
    ['//www.peeringdb.com/api', NOT_HTTP_PROBLEM],
    ['https://', NOT_HTTP_PROBLEM],
    ['https://[::1', NOT_HTTP_PROBLEM],
    ['', NOT_HTTP_PROBLEM],
    ['http://www.peeringdb.com/api', /only for a server on this computer/],
    ['http://mirror.example.net/api', /only for a server on this computer/],
    ['http://10.0.0.5/api', /only for a server on this computer/],
    ['http://0.0.0.0:8000/api', /only for a server on this computer/],
    ['http://localhost.evil.example/api', /only for a server on this computer/],
    ['http://127.0.0.1.nip.io/api', /only for a server on this computer/],
    ['http://[::ffff:10.0.0.1]/api', /only for a server on this computer/],
    ['https://user:pass@www.peeringdb.com/api', /user name or password/],
    ['https://user@www.peeringdb.com/api', /user name or password/],
    ['https://:pass@www.peeringdb.com/api', /user name or password/],
    ['https://www.peeringdb.com@evil.example/api', /user name or password/],
    ['https://www.peeringdb.com%40evil.example/api', NOT_HTTP_PROBLEM],
    ['http://user:pass@127.0.0.1/api', /user name or password/],
    ['https://www.peeringdb.com/api?limit=0', /query/],
    ['https://www.peeringdb.com/api?', /query/],
    ['https://www.peeringdb.com/api#', /fragment/],
    ['https://www.peeringdb.com/api#/net', /fragment/],
  ])('refuses %s, saying what to change', (value, problem) => {
    const check = checkPeeringDbUrl(value);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(problem);
  });
});
