/**
 * Serves the built renderer on loopback by the rules of the app's own scheme (the same
 * functions decide which file a path names and which headers, the CSP among them, go with
 * it), so the page under test runs as in the Electron window. Besides the build it serves only
 * the harness's own parts of the page, under /__harness/: the port relay worker and one-time
 * downloads of large sync pages.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { contentTypeFor, findRendererFile, rendererResponseHeaders, type RendererFile } from '../../src/main/renderer-files';

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
  /** 0 picks a free port; a fixed one keeps the origin (and so IndexedDB) across restarts. */
  port?: number;
}

export async function startRendererServer(options: RendererServerOptions): Promise<RendererServer> {
  const root = options.rootDir;
  const outbox = new Map<string, string>();
  const server = createServer((request, response) => {
    const headers = rendererResponseHeaders();
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
    findFile(root, request.url ?? '/').then(
      (file) => {
        if (!file) {
          response.writeHead(404, headers).end();
          return;
        }
        response.writeHead(200, { ...rendererResponseHeaders(file.contentType), 'Content-Length': file.size });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file.path).pipe(response);
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

/** The harness's own files by their exact path, else the build's file by the app's rules. */
async function findFile(root: string, requestUrl: string): Promise<RendererFile | null> {
  const harnessFile = HARNESS_FILES.get(requestUrl);
  if (harnessFile) {
    const info = await stat(harnessFile);
    return { path: harnessFile, size: info.size, contentType: contentTypeFor(harnessFile) };
  }
  // The raw path, as the request wrote it: a "/../" must reach the rules, not be resolved here.
  return findRendererFile(root, requestUrl.split(/[?#]/, 1)[0] ?? '');
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
