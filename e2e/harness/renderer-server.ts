/**
 * Serves the built renderer on loopback by the rules of the app's own scheme (the same
 * functions decide which file a path names and which headers, the CSP among them, go with
 * it), so the page under test runs as in the Electron window. Besides the build it serves only
 * the harness's own parts of the page, under /__harness/: the port relay worker, and the
 * WebSocket through which that worker and the harness's main side talk.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentTypeFor, findRendererFile, rendererResponseHeaders, type RendererFile } from '../../src/main/renderer-files';

/** Where the page's relay worker connects to main's side; see RendererServer.acceptSockets. */
export interface SocketDoor {
  /** The same-origin path to connect to; it holds a token nothing else learns. */
  readonly path: string;
  /** Ends every connection made through this door, as a relay that went away would. */
  closeAll(): void;
}

export interface RendererServer {
  readonly origin: string;
  readonly port: number;
  /**
   * Opens a door for WebSockets: connections to its path from the server's own origin are
   * handed to `onSocket`; any other upgrade is refused. Sync ports' traffic travels this way,
   * between main's side and the relay worker, without Playwright in between.
   */
  acceptSockets(onSocket: (socket: WebSocket) => void): SocketDoor;
  close(): Promise<void>;
}

const SOCKET_PATH = '/__harness/socket/';

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
  const server = createServer((request, response) => {
    const headers = rendererResponseHeaders();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end();
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
  const origin = `http://127.0.0.1:${port}`;

  const sockets = new WebSocketServer({ noServer: true });
  /** Door path -> who takes its connections, and the connections it took. */
  const doors = new Map<string, { onSocket: (socket: WebSocket) => void; open: Set<WebSocket> }>();
  server.on('upgrade', (request, stream, head) => {
    const door = doors.get(request.url ?? '');
    // Only from the app's own origin: a page elsewhere that learnt the path still gets nothing.
    if (!door || request.headers.origin !== origin) {
      stream.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, stream, head, (socket) => {
      door.open.add(socket);
      socket.on('close', () => door.open.delete(socket));
      door.onSocket(socket);
    });
  });
  const endAll = (open: Set<WebSocket>) => {
    for (const socket of open) socket.terminate();
  };

  return {
    origin,
    port,
    acceptSockets(onSocket) {
      const path = `${SOCKET_PATH}${randomUUID()}`;
      const door = { onSocket, open: new Set<WebSocket>() };
      doors.set(path, door);
      return { path, closeAll: () => endAll(door.open) };
    },
    close: () => {
      for (const door of doors.values()) endAll(door.open);
      doors.clear();
      sockets.close();
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
