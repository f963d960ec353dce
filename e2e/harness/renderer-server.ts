/**
 * Serves the built renderer on loopback with the app's CSP header, so the page under test
 * runs under the same policy as in the Electron window. Besides the build it serves only the
 * harness's own parts of the page, under /__harness/: the port relay worker and one-time
 * downloads of large sync pages.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES: Record<string, string> = {
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

export interface RendererServer {
  readonly origin: string;
  readonly port: number;
  /**
   * Keeps `text` for one download by the page and returns its same-origin path. Large sync
   * pages travel this way: a loopback fetch is several times faster than an evaluate argument.
   */
  stash(text: string): string;
  close(): Promise<void>;
}

const OUTBOX_PATH = '/__harness/outbox/';

/** The worker that holds main's ends of the sync ports in the page (see port-relay.js). */
export const PORT_RELAY_PATH = '/__harness/port-relay.js';

/** Files of the harness itself, by the one path each is served at; never part of the build. */
const HARNESS_FILES: ReadonlyMap<string, string> = new Map([
  [PORT_RELAY_PATH, fileURLToPath(new URL('./port-relay.js', import.meta.url))],
]);

export interface RendererServerOptions {
  rootDir: string;
  contentSecurityPolicy: string;
  /** 0 picks a free port; a fixed one keeps the origin (and so IndexedDB) across restarts. */
  port?: number;
}

export async function startRendererServer(options: RendererServerOptions): Promise<RendererServer> {
  const root = resolve(options.rootDir);
  const outbox = new Map<string, string>();
  const server = createServer((request, response) => {
    const headers = {
      'Content-Security-Policy': options.contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end();
      return;
    }
    if (request.url?.startsWith(OUTBOX_PATH)) {
      const token = request.url.slice(OUTBOX_PATH.length);
      const text = outbox.get(token);
      outbox.delete(token);
      if (text === undefined) response.writeHead(404, headers).end();
      else response.writeHead(200, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
      return;
    }
    const file = HARNESS_FILES.get(request.url ?? '') ?? fileFor(root, request.url ?? '/');
    if (!file) {
      response.writeHead(404, headers).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) {
          response.writeHead(404, headers).end();
          return;
        }
        response.writeHead(200, {
          ...headers,
          'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Length': info.size,
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
      },
      () => response.writeHead(404, headers).end(),
    );
  });
  const port = await listen(server, options.port ?? 0);
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    stash(text) {
      const token = randomUUID();
      outbox.set(token, text);
      return `${OUTBOX_PATH}${token}`;
    },
    close: () => {
      outbox.clear();
      return closeServer(server);
    },
  };
}

/** Maps a URL path into the root; anything that would climb out of it is refused. */
function fileFor(root: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  return file === root || file.startsWith(root + sep) ? file : null;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on 127.0.0.1 is taken; the app's origin (and its local copy) lives there.`)
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') resolvePort(address.port);
      else reject(new Error('The renderer server did not get a TCP port'));
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    // Keep-alive connections from the browser would otherwise hold close() open.
    server.closeAllConnections();
  });
}
