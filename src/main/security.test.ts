import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONTENT_SECURITY_POLICY,
  DEV_SERVER_CONTENT_SECURITY_POLICY,
  devServerIndexHtml,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  safeExternalUrl,
} from './security-policy';
import { APP_INDEX_URL } from './renderer-files';

const APP = APP_INDEX_URL;
const BUILT_FILE = 'file:///opt/Peering%20Assistant/resources/app.asar/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

describe('external links', () => {
  it.each([
    ['https://www.peeringdb.com/net/694', 'https://www.peeringdb.com/net/694'],
    ['http://lg.example.net/?q=AS64500', 'http://lg.example.net/?q=AS64500'],
    ['mailto:peering@example.net', 'mailto:peering@example.net'],
    ['mailto:noc@example.net?subject=Peering%20request', 'mailto:noc@example.net?subject=Peering%20request'],
    ['HTTPS://WWW.PEERINGDB.COM/', 'https://www.peeringdb.com/'],
  ])('opens %s', (url, expected) => {
    expect(safeExternalUrl(url)).toBe(expected);
  });

  it.each([
    ['javascript', 'javascript:alert(document.cookie)'],
    ['javascript, mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript behind a tab', 'java\tscript:alert(1)'],
    ['javascript behind a newline', 'java\nscript:alert(1)'],
    ['leading space', ' javascript:alert(1)'],
    ['trailing newline', 'https://example.com/\n'],
    ['a control character', 'https://example.com/\u0000.exe'],
    ['file', 'file:///etc/passwd'],
    ['file on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['UNC path', '\\\\attacker\\share\\payload.exe'],
    ['backslash host trick', 'https:\\\\evil.example'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['smb', 'smb://attacker/share'],
    ['ftp', 'ftp://example.com/file'],
    ['credentials', 'https://user:password@example.com/'],
    ['username that looks like a host', 'https://www.peeringdb.com@evil.example/'],
    ['no host', 'http:///path'],
    ['one slash', 'https:/evil.example'],
    ['mailto without an address', 'mailto:'],
    ['mailto with a path trick', 'mailto:/etc/passwd'],
    ['relative', '/net/1'],
    ['malformed', 'https://[::1'],
    ['not a URL', 'peeringdb'],
    ['empty', ''],
    ['too long', `https://example.com/${'a'.repeat(9000)}`],
  ])('refuses %s', (_label, url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it.each([null, undefined, 42, { href: 'https://example.com' }, ['https://example.com']])('refuses a non-string %j', (value) => {
    expect(safeExternalUrl(value)).toBeNull();
  });
});

describe('mail links', () => {
  it.each([
    ['one address', 'mailto:peering@example.net', 'mailto:peering@example.net'],
    ['two addresses', 'mailto:a@example.net,b@example.net', 'mailto:a@example.net,b@example.net'],
    ['a subject and a body', 'mailto:a@example.net?subject=Hi%20there&body=Line%201%0D%0ALine%202', 'mailto:a@example.net?subject=Hi%20there&body=Line%201%0D%0ALine%202'],
    ['fields in capitals', 'mailto:a@example.net?Subject=x&BODY=y', 'mailto:a@example.net?subject=x&body=y'],
    ['a plus address, encoded', 'mailto:peering%2Bas64500@example.net', 'mailto:peering%2Bas64500@example.net'],
    ['an internationalised address', 'mailto:p%C3%A9ering@ex%C3%A4mple.net', 'mailto:p%C3%A9ering@ex%C3%A4mple.net'],
    ['a bare line feed in the body, written as CRLF', 'mailto:a@example.net?body=a%0Ab', 'mailto:a@example.net?body=a%0D%0Ab'],
  ])('opens %s', (_label, url, expected) => {
    expect(safeExternalUrl(url)).toBe(expected);
  });

  it.each([
    ['a bcc after the address', 'mailto:peer@x.example?bcc=attacker@y.example'],
    ['a bcc and a body, as in a PeeringDB contact', 'mailto:peer@x.example?bcc=attacker@y.example&body=Send%20the%20config'],
    ['a cc', 'mailto:a@example.net?cc=attacker@y.example'],
    ['a to field', 'mailto:a@example.net?to=attacker@y.example'],
    ['only a to field', 'mailto:?to=attacker@y.example'],
    ['an attachment', 'mailto:a@example.net?attach=/etc/passwd'],
    ['an attachment, in capitals', 'mailto:a@example.net?ATTACH=C:%5CUsers%5Cme%5Cid_rsa'],
    ['an attachment under another name', 'mailto:a@example.net?attachment=file:///etc/passwd'],
    ['a reply-to header', 'mailto:a@example.net?reply-to=attacker@y.example'],
    ['in-reply-to', 'mailto:a@example.net?in-reply-to=%3Cid@x%3E'],
    ['two subjects', 'mailto:a@example.net?subject=a&subject=b'],
    ['two bodies', 'mailto:a@example.net?body=a&body=b'],
    ['a subject over two lines', 'mailto:a@example.net?subject=Hi%0D%0ABcc:%20attacker@y.example'],
    ['a field without a value', 'mailto:a@example.net?subject'],
    ['an empty query', 'mailto:a@example.net?'],
    ['a trailing ampersand', 'mailto:a@example.net?subject=x&'],
    ['malformed encoding in the body', 'mailto:a@example.net?body=%E0%A4%A'],
    ['a lone surrogate encoded', 'mailto:a@example.net?body=%ED%A0%80'],
    ['an encoded question mark in the address', 'mailto:peer@x.example%3Fbcc=attacker@y.example'],
    ['an encoded comma adding a recipient', 'mailto:peer@x.example%2Cattacker@y.example'],
    ['an encoded ampersand in the address', 'mailto:peer@x.example%26cc=attacker@y.example'],
    ['a display name', 'mailto:Eve%20%3Ce@example.net%3E'],
    ['a quoted local part', 'mailto:%22a,b%22@example.net'],
    ['two @ signs', 'mailto:a@b@example.net'],
    ['no domain dot', 'mailto:root@localhost'],
    ['an empty recipient between commas', 'mailto:a@example.net,,b@example.net'],
    ['no recipient, only a body', 'mailto:?body=hello'],
    ['a fragment', 'mailto:a@example.net#x'],
    ['a right-to-left override in the address', 'mailto:a%E2%80%AEten.elpmaxe@example.net'],
    ['a zero-width space in the address', 'mailto:pe%E2%80%8Ber@example.net'],
    ['an encoded newline in the address', 'mailto:a@example.net%0D%0ABcc:x@y.example'],
    ['an encoded NUL in the address', 'mailto:a@example.net%00'],
    ['a path in the address', 'mailto:/etc/passwd'],
    ['the mailto scheme on a host', 'mailto://attacker.example/x'],
  ])('refuses %s', (_label, url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });
});

describe('the app URL', () => {
  it('accepts the app page on its own scheme, with any route in the fragment or query', () => {
    expect(APP).toBe('app://peering-assistant/index.html');
    expect(isAppUrl(APP, APP)).toBe(true);
    expect(isAppUrl(`${APP}#/peers?ix=26`, APP)).toBe(true);
    expect(isAppUrl(`${APP}?x=1`, APP)).toBe(true);
    expect(isAppUrl('APP://PEERING-ASSISTANT/index.html', APP)).toBe(true);
  });

  it.each([
    ['the built page as a local file', BUILT_FILE],
    ['another local file', 'file:///etc/passwd'],
    ['another file of the build', 'app://peering-assistant/assets/index.js'],
    ['a page next to the app', 'app://peering-assistant/evil.html'],
    ['another host on the scheme', 'app://evil.example/index.html'],
    ['the host with a port', 'app://peering-assistant:8080/index.html'],
    ['credentials', 'app://user:pass@peering-assistant/index.html'],
    ['the same host on the web', 'https://peering-assistant/index.html'],
    ['a path walk to another file', `${APP}/../evil.html`],
    ['a web page', 'https://www.peeringdb.com/'],
    ['javascript', 'javascript:alert(1)'],
    ['about:blank', 'about:blank'],
    ['malformed', 'app://[bad'],
  ])('refuses %s for a packaged app', (_label, url) => {
    expect(isAppUrl(url, APP)).toBe(false);
  });

  it('never takes a file:// page for the app, even if asked to', () => {
    expect(isAppUrl(BUILT_FILE, BUILT_FILE)).toBe(false);
  });

  it('accepts the dev server origin and refuses look-alikes', () => {
    expect(isAppUrl('http://localhost:5173/', DEV_APP)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV_APP)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV_APP)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV_APP)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', DEV_APP)).toBe(false);
    expect(isAppUrl('http://user@localhost:5173/', DEV_APP)).toBe(false);
  });
});

describe('IPC senders', () => {
  it('trusts the app main frame only', () => {
    expect(isTrustedSender({ url: `${APP}#/sync`, parent: null }, APP)).toBe(true);
  });

  it('refuses a subframe, even one showing the app', () => {
    expect(isTrustedSender({ url: APP, parent: { url: APP } }, APP)).toBe(false);
  });

  it('refuses a main frame that navigated elsewhere, and a frame that is gone', () => {
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'usb', 'fullscreen'])(
    'refuses %s even to the app',
    (permission) => {
      expect(isPermissionAllowed(permission, APP, APP)).toBe(false);
    },
  );

  it('lets only the app write to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP, APP)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', APP)).toBe(false);
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows no inline or evaluated code and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('closes plugins, base, forms and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('the policy while the dev server serves the renderer', () => {
  const indexHtml = readFileSync(join(__dirname, '..', 'renderer', 'index.html'), 'utf8');

  it('allows inline styles and nothing else the app policy forbids', () => {
    expect(DEV_SERVER_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
    );
    expect(DEV_SERVER_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('relaxes the style directive of the page meta tag the same way, and only that', () => {
    const served = devServerIndexHtml(indexHtml);
    expect(served).not.toBe(indexHtml);
    expect(served.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'")).toBe(indexHtml);
    expect(served).toContain("script-src 'self';");
  });

  it('refuses a page whose policy it cannot find, rather than serve it unchanged', () => {
    expect(() => devServerIndexHtml('<html><head></head></html>')).toThrow(/Content-Security-Policy/);
  });
});
