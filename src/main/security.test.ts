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

const FILE_APP = 'file:///opt/Peering%20Assistant/resources/app.asar/out/renderer/index.html';
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

describe('the app URL', () => {
  it('accepts the built index.html, with any route in the fragment or query', () => {
    expect(isAppUrl(FILE_APP, FILE_APP)).toBe(true);
    expect(isAppUrl(`${FILE_APP}#/peers?ix=26`, FILE_APP)).toBe(true);
    expect(isAppUrl(`${FILE_APP}?x=1`, FILE_APP)).toBe(true);
  });

  it.each([
    ['another local file', 'file:///etc/passwd'],
    ['a file next to the app', FILE_APP.replace('index.html', 'evil.html')],
    ['a downloaded page', 'file:///home/user/Downloads/index.html'],
    ['a remote host over file:', 'file://attacker/opt/Peering%20Assistant/resources/app.asar/out/renderer/index.html'],
    ['a web page', 'https://www.peeringdb.com/'],
    ['a path walk that is not normalised away', `${FILE_APP}/../../evil.html`],
    ['javascript', 'javascript:alert(1)'],
    ['about:blank', 'about:blank'],
    ['malformed', 'file://[bad'],
  ])('refuses %s for a packaged app', (_label, url) => {
    expect(isAppUrl(url, FILE_APP)).toBe(false);
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
    expect(isTrustedSender({ url: `${FILE_APP}#/sync`, parent: null }, FILE_APP)).toBe(true);
  });

  it('refuses a subframe, even one showing the app', () => {
    expect(isTrustedSender({ url: FILE_APP, parent: { url: FILE_APP } }, FILE_APP)).toBe(false);
  });

  it('refuses a main frame that navigated elsewhere, and a frame that is gone', () => {
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, FILE_APP)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, FILE_APP)).toBe(false);
    expect(isTrustedSender(null, FILE_APP)).toBe(false);
    expect(isTrustedSender(undefined, FILE_APP)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'usb', 'fullscreen'])(
    'refuses %s even to the app',
    (permission) => {
      expect(isPermissionAllowed(permission, FILE_APP, FILE_APP)).toBe(false);
    },
  );

  it('lets only the app write to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', FILE_APP, FILE_APP)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', FILE_APP)).toBe(false);
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
