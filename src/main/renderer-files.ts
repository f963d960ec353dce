/**
 * What the app serves to its window: the files of the built renderer and nothing else, each
 * with the app's CSP as a response header. The Electron window reads them through the app's
 * own scheme (renderer-protocol.ts); the Chromium test harness serves them over loopback with
 * these same functions, so both apply one set of rules.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security-policy';

/** The window's scheme and host: app://peering-assistant/index.html. */
export const APP_SCHEME = 'app';
const APP_HOST = 'peering-assistant';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The path a request on the app's scheme asks for, or null for any other scheme or host. */
export function appRequestPathname(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username !== '' || url.password !== '') return null;
  return url.pathname;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Headers of every answer, a refusal included: the page's policy never depends on a meta tag. */
export function rendererResponseHeaders(contentType?: string): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...(contentType ? { 'Content-Type': contentType } : {}),
  };
}

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a request path names inside `root`, or null. Pure: it decides on the text alone.
 * The path is decoded once, then refused if any part of it could climb out or name another
 * drive (`..`, backslashes, `C:`, NUL, a second encoding), which also covers an encoded
 * `%2e%2e%2f`; what is left must still resolve inside the root. "/" is index.html; no other folder has a default file.
 */
export function rendererPathFor(root: string, pathname: string): string | null {
  if (!pathname.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded === '/') decoded = '/index.html';
  const segments = decoded.split('/').slice(1);
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return null;
    // '%' left after decoding once means a second encoding, which only an attack would use.
    if (/[\\:%\0]/.test(segment)) return null;
  }
  const base = resolve(root);
  const file = resolve(base, ...segments);
  const inside = relative(base, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}

export interface RendererFile {
  path: string;
  size: number;
  contentType: string;
}

/**
 * The regular file a request path names inside `root`, once links are resolved, or null:
 * a symbolic link inside the build that points out of it is refused like `..` is.
 */
export async function findRendererFile(root: string, pathname: string): Promise<RendererFile | null> {
  const file = rendererPathFor(root, pathname);
  if (file === null) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(resolve(root)), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    const info = await stat(realFile);
    if (!info.isFile()) return null;
    return { path: realFile, size: info.size, contentType: contentTypeFor(realFile) };
  } catch {
    return null;
  }
}
