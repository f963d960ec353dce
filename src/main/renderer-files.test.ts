import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  appRequestPathname,
  findRendererFile,
  rendererPathFor,
  rendererResponseHeaders,
} from './renderer-files';
import { CONTENT_SECURITY_POLICY, isAppUrl } from './security-policy';

const ROOT = '/opt/peering-assistant/out/renderer';

describe('which file a request path names', () => {
  it.each([
    ['/', `${ROOT}/index.html`],
    ['/index.html', `${ROOT}/index.html`],
    ['/assets/index-abc123.js', `${ROOT}/assets/index-abc123.js`],
    ['/assets/store.worker-9f8e.js', `${ROOT}/assets/store.worker-9f8e.js`],
    ['/assets/Caf%C3%A9.svg', `${ROOT}/assets/Café.svg`],
    ['/assets/a%20b.css', `${ROOT}/assets/a b.css`],
    ['/..foo/x.js', `${ROOT}/..foo/x.js`],
  ])('%s is %s', (path, file) => {
    expect(rendererPathFor(ROOT, path)).toBe(file);
  });

  it.each([
    ['a parent folder', '/../main/index.js'],
    ['a parent folder deeper down', '/assets/../../main/index.js'],
    ['an encoded parent folder', '/%2e%2e/main/index.js'],
    ['an encoded parent, mixed case', '/%2E%2e/main/index.js'],
    ['an encoded slash and parent', '/..%2fmain%2findex.js'],
    ['an encoded slash after a folder', '/assets%2f..%2f..%2fmain%2findex.js'],
    ['a doubly encoded parent', '/%252e%252e/x'],
    ['a backslash parent', '/..\\main\\index.js'],
    ['an encoded backslash', '/..%5cmain%5cindex.js'],
    ['an absolute path as a second slash', '//etc/passwd'],
    ['an absolute path encoded', '/%2fetc%2fpasswd'],
    ['a Windows drive', '/C:/Windows/win.ini'],
    ['an encoded Windows drive', '/C%3A%5CWindows%5Cwin.ini'],
    ['a UNC path', '/\\\\server\\share\\x'],
    ['a NUL byte', '/index.html%00.png'],
    ['a current-folder segment', '/./index.html'],
    ['an empty segment', '/assets//index.js'],
    ['a folder', '/assets/'],
    ['malformed percent-encoding', '/%E0%A4%A'],
    ['a relative path', 'index.html'],
    ['nothing', ''],
  ])('refuses %s (%s)', (_label, path) => {
    expect(rendererPathFor(ROOT, path)).toBeNull();
  });
});

describe('requests on the app scheme', () => {
  it('takes the path of the app host only', () => {
    expect(appRequestPathname(APP_INDEX_URL)).toBe('/index.html');
    expect(appRequestPathname('app://peering-assistant/assets/x.js?v=1#top')).toBe('/assets/x.js');
    expect(appRequestPathname('app://peering-assistant/a/../index.html')).toBe('/index.html');
  });

  it.each([
    'app://evil.example/index.html',
    'app://user:pass@peering-assistant/index.html',
    'https://peering-assistant/index.html',
    'file:///index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(appRequestPathname(url)).toBeNull();
  });

  it('is where the window is, and only its index page is the app', () => {
    expect(isAppUrl(`${APP_INDEX_URL}#/peers`, APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://peering-assistant/assets/index.js', APP_INDEX_URL)).toBe(false);
    expect(isAppUrl('app://other/index.html', APP_INDEX_URL)).toBe(false);
  });

  it('answers with the app policy, whatever the file', () => {
    expect(rendererResponseHeaders('text/html; charset=utf-8')).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Type': 'text/html; charset=utf-8',
    });
    expect(rendererResponseHeaders()['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('files on disk', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'renderer-files-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(base, 'secret.txt'), 'secret');
    mkdirSync(join(base, 'elsewhere'));
    writeFileSync(join(base, 'elsewhere', 'x.js'), 'secret');
    symlinkSync(join(base, 'secret.txt'), join(root, 'linked-secret.txt'));
    symlinkSync(join(base, 'elsewhere'), join(root, 'linked-folder'));
    symlinkSync(join(root, 'assets', 'app.js'), join(root, 'alias.js'));
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves a file of the build with its type', async () => {
    expect(await findRendererFile(root, '/assets/app.js')).toMatchObject({
      path: join(root, 'assets', 'app.js'),
      size: 10,
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(await findRendererFile(root, '/')).toMatchObject({ contentType: 'text/html; charset=utf-8' });
  });

  it('follows a link that stays inside the build', async () => {
    expect(await findRendererFile(root, '/alias.js')).toMatchObject({ path: join(root, 'assets', 'app.js') });
  });

  it.each(['/linked-secret.txt', '/linked-folder/x.js', '/assets', '/missing.js', '/../secret.txt'])(
    'refuses %s',
    async (path) => {
      expect(await findRendererFile(root, path)).toBeNull();
    },
  );
});
