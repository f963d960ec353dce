/**
 * The app's own scheme in Electron: the window loads app://peering-assistant/index.html, served
 * by main from the built renderer (renderer-files.ts decides what may be served), instead of
 * file://, where any local file would share the page's origin.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, appRequestPathname, findRendererFile, rendererResponseHeaders } from './renderer-files';

/**
 * Before the app is ready: a standard, secure scheme gets an origin of its own (IndexedDB,
 * module workers, relative URLs) and fetch of its assets. It is not CORS-enabled, so no other
 * origin can read from it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Once the app is ready: answers the scheme from `rendererDir` and from nowhere else. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: rendererResponseHeaders() });
    }
    const pathname = appRequestPathname(request.url);
    const file = pathname === null ? null : await findRendererFile(rendererDir, pathname);
    if (!file) return new Response(null, { status: 404, headers: rendererResponseHeaders() });
    const body = request.method === 'HEAD' ? null : await readFile(file.path);
    return new Response(body, { status: 200, headers: rendererResponseHeaders(file.contentType) });
  });
}
