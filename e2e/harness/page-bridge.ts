/**
 * What the preload is to the Electron window, for a plain Chromium page: `window.api` built
 * from the IPC contract's method table, main's events pushed in as they happen, and sync job
 * ports handed to the page exactly as the preload hands them over.
 *
 * Node plays main: every invoke arrives through one binding, and events go to the page in
 * order, in batches: whatever queued up while the last batch was on its way travels in the
 * next one. Each store link is a MessageChannel whose main end lives in a relay worker in the
 * page (port-relay.js); what goes through the port travels between Node and that worker on a
 * WebSocket, so sync pages reach the store worker without crossing the page's main thread, as
 * in the app, and without a round trip through Playwright each.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { WebSocket } from 'ws';
import {
  IPC_METHODS,
  SYNC_PORT_MESSAGE,
  type EventChannel,
  type EventMap,
  type InvokeChannel,
} from '../../src/shared/ipc';
import type { MainToStore, StoreToMain } from '../../src/shared/sync';
import type { StoreLink } from '../../src/main/sync/sync-types';
import { isTrustedSender } from '../../src/main/security-policy';
import { PORT_RELAY_PATH, type SocketDoor } from './renderer-server';

type BindingSource = Parameters<Parameters<Page['exposeBinding']>[1]>[0];

const INVOKE_BINDING = '__peeringAssistantInvoke';
const PORT_CLOSED_BINDING = '__peeringAssistantPortClosed';
/** Page-side entry point the init script installs for Node to call (see `Window` below). */
const PAGE_HOOKS = '__peeringAssistantHarness';

export type InvokeHandler = (channel: InvokeChannel, payload: unknown) => Promise<unknown>;

export interface PageBridge {
  broadcast<C extends EventChannel>(channel: C, payload: EventMap[C]): void;
  openStoreLink(jobId: string): StoreLink;
  /** Waits until every broadcast and port message sent so far reached the page. */
  settled(): Promise<void>;
}

/**
 * One thing main sends to the page; a batch is a list of them, carried out in order. An open
 * port's messages go to the relay on its socket instead (see RelaySocket).
 */
type PageOp = { kind: 'dispatch'; channel: string; payload: unknown } | { kind: 'open'; jobId: string; socketPath: string };

interface PageHooks {
  /** Resolves with the jobs whose port could not open. */
  run(ops: PageOp[]): Promise<string[]>;
}

declare global {
  interface Window {
    __peeringAssistantHarness?: PageHooks;
  }
}

export interface PageBridgeOptions {
  appUrl: string;
  invoke: InvokeHandler;
  /** Opens the door the page's relay worker connects through (RendererServer.acceptSockets). */
  acceptSockets: (onSocket: (socket: WebSocket) => void) => SocketDoor;
}

/** What page-api.js is given, as JSON: the contract's method table and how to reach Node. */
export const PAGE_API_CONFIG = {
  methods: IPC_METHODS,
  syncPortMessage: SYNC_PORT_MESSAGE,
  invokeBinding: INVOKE_BINDING,
  portClosedBinding: PORT_CLOSED_BINDING,
  hooksName: PAGE_HOOKS,
  relayUrl: PORT_RELAY_PATH,
};

/** The init script exactly as the page runs it: page-api.js, then the call that installs it. */
export const PAGE_API_SCRIPT = `${readFileSync(fileURLToPath(new URL('./page-api.js', import.meta.url)), 'utf8')}
installPeeringAssistantApi(${JSON.stringify(PAGE_API_CONFIG)});`;

export async function installPageBridge(page: Page, options: PageBridgeOptions): Promise<PageBridge> {
  const links = new Map<string, HarnessStoreLink>();

  const loseAllLinks = () => {
    for (const link of [...links.values()]) link.lost();
  };
  // What goes through the ports: on the relay worker's socket, past Playwright.
  const relay = new RelaySocket(options.acceptSockets, {
    out: (jobId, message) => links.get(jobId)?.receive(message),
    closed: (jobId) => links.get(jobId)?.lost(),
    lost: loseAllLinks,
  });

  // Main's own sender check: only the app's top-level document may call in.
  const fromApp = (source: BindingSource) => {
    const frame = { url: source.frame.url(), parent: source.frame.parentFrame() };
    if (!isTrustedSender(frame, options.appUrl)) {
      throw new Error('Refused: the request did not come from the app window');
    }
  };

  await page.exposeBinding(INVOKE_BINDING, async (source, channel: InvokeChannel, payload: unknown) => {
    fromApp(source);
    return options.invoke(channel, payload);
  });
  // The relay failed in the page (it did not start, or its socket never opened or closed).
  await page.exposeBinding(PORT_CLOSED_BINDING, (source, jobId: string) => {
    fromApp(source);
    relay.relayGone();
    links.get(jobId)?.lost();
  });
  await page.addInitScript({ content: PAGE_API_SCRIPT });

  // The page's relay went with it: its socket's end, whenever it comes, concerns no link of
  // the next page.
  const pageGone = () => {
    relay.relayGone();
    loseAllLinks();
  };
  page.on('close', pageGone);
  page.on('crash', pageGone);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) pageGone();
  });

  const outbox = new PageOutbox(
    // The hook is a static function (the app's CSP forbids eval, and a harness that needed it
    // would test a weaker policy). It runs in the page, so it is reached through the page's own
    // global; a page that went away rejects, and every port in the batch counts as lost.
    (batch) =>
      page.evaluate((ops) => window.__peeringAssistantHarness!.run(ops), batch).catch(() => null),
    (jobIds) => {
      for (const jobId of jobIds) links.get(jobId)?.lost();
    },
  );

  function broadcast<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
    outbox.push({ kind: 'dispatch', channel, payload });
  }

  function openStoreLink(jobId: string): StoreLink {
    const link = new HarnessStoreLink(jobId, {
      open: () => outbox.push({ kind: 'open', jobId, socketPath: relay.path }),
      send: (message) => relay.deliver(jobId, message),
      close: () => relay.close(jobId),
      forget: () => links.delete(jobId),
    });
    links.set(jobId, link);
    link.start();
    return link;
  }

  return {
    broadcast,
    openStoreLink,
    settled: async () => {
      await outbox.settled();
      await relay.settled();
    },
  };
}

/** What the relay worker tells main's side, by job. */
interface RelayListener {
  out(jobId: string, message: unknown): void;
  closed(jobId: string): void;
  /** The socket went away: no port of this page can be reached any more. */
  lost(): void;
}

/**
 * Main's side of the socket to the page's relay worker (port-relay.js). Frames sent before the
 * relay connected wait for it; a page that reloads starts a relay of its own, which connects
 * anew. A message's `rowsJson` travels as a text frame of its own, as it is: inside the JSON of
 * its message it would be escaped on the way and parsed again on arrival.
 */
class RelaySocket {
  private readonly door: SocketDoor;
  private socket: WebSocket | null = null;
  private waiting: string[] = [];
  private pings = 0;
  private readonly pongs = new Map<number, () => void>();

  constructor(
    accept: (onSocket: (socket: WebSocket) => void) => SocketDoor,
    private readonly listener: RelayListener,
  ) {
    this.door = accept((socket) => this.connected(socket));
  }

  get path(): string {
    return this.door.path;
  }

  deliver(jobId: string, message: MainToStore): void {
    // Sync pages and history moments carry their text as rowsJson.
    if ('rowsJson' in message) {
      const { rowsJson, ...rest } = message;
      this.send(JSON.stringify({ kind: 'deliver', jobId, message: rest, body: true }));
      this.send(rowsJson);
    } else {
      this.send(JSON.stringify({ kind: 'deliver', jobId, message, body: false }));
    }
  }

  close(jobId: string): void {
    this.send(JSON.stringify({ kind: 'close', jobId }));
  }

  /**
   * Settles once the relay posted into its ports everything sent so far, or once there is no
   * relay to reach: nothing was sent, or the page or its relay went away.
   */
  settled(): Promise<void> {
    if (!this.socket && this.waiting.length === 0) return Promise.resolve();
    const n = ++this.pings;
    return new Promise((resolve) => {
      this.pongs.set(n, resolve);
      this.send(JSON.stringify({ kind: 'ping', n }));
    });
  }

  /**
   * The page's relay went away, with its page or failing in it: what waited for it is for
   * nobody, and its socket's end is old news. The next relay (a reloaded page's) connects anew.
   */
  relayGone(): void {
    const socket = this.socket;
    this.socket = null;
    this.waiting = [];
    this.answerAllPings();
    socket?.terminate();
  }

  private send(frame: string): void {
    if (this.socket) this.socket.send(frame);
    else this.waiting.push(frame);
  }

  private answerAllPings(): void {
    for (const resolve of this.pongs.values()) resolve();
    this.pongs.clear();
  }

  private connected(socket: WebSocket): void {
    // One relay per page: a second connection replaces the first.
    const previous = this.socket;
    this.socket = socket;
    previous?.terminate();
    for (const frame of this.waiting.splice(0)) socket.send(frame);
    socket.on('message', (data) => this.received(String(data)));
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.answerAllPings();
      this.listener.lost();
    });
  }

  private received(text: string): void {
    let note: { kind?: unknown; jobId?: unknown; message?: unknown; n?: unknown };
    try {
      note = JSON.parse(text) as typeof note;
    } catch {
      console.warn('Ignored a malformed note from the port relay.');
      return;
    }
    if (note.kind === 'pong' && typeof note.n === 'number') {
      this.pongs.get(note.n)?.();
      this.pongs.delete(note.n);
    } else if (typeof note.jobId === 'string') {
      if (note.kind === 'out') this.listener.out(note.jobId, note.message);
      else if (note.kind === 'closed') this.listener.closed(note.jobId);
    }
  }
}

/**
 * Main's sends, waiting for the page. Sends of the same turn of Node's event loop, and all
 * that queued while a batch was on its way, go in one evaluate: a page.evaluate costs a
 * round trip of a few milliseconds however little it carries.
 */
class PageOutbox {
  private queue: PageOp[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly run: (batch: PageOp[]) => Promise<string[] | null>,
    private readonly onNotDelivered: (jobIds: string[]) => void,
  ) {}

  push(op: PageOp): void {
    this.queue.push(op);
    // A microtask later, so what the caller sends in the same turn joins the batch.
    this.draining ??= Promise.resolve().then(() => this.drain());
  }

  /** Settles once everything pushed so far was carried out by the page (or the page is gone). */
  settled(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.queue.length);
      const notDelivered = await this.run(batch);
      const lost = notDelivered ?? batch.flatMap((op) => (op.kind === 'open' ? [op.jobId] : []));
      if (lost.length > 0) this.onNotDelivered(lost);
    }
    this.draining = null;
  }
}

function isStoreMessage(value: unknown): value is StoreToMain {
  return typeof value === 'object' && value !== null && typeof (value as { t?: unknown }).t === 'string';
}

interface LinkTransport {
  open(): void;
  send(message: MainToStore): void;
  close(): void;
  forget(): void;
}

/** Main's end of one job's port, as src/main/store-link.ts is in the app. */
class HarnessStoreLink implements StoreLink {
  private readonly messageListeners = new Set<(message: StoreToMain) => void>();
  private readonly closeListeners = new Set<() => void>();
  private ended = false;

  constructor(
    private readonly jobId: string,
    private readonly transport: LinkTransport,
  ) {}

  start(): void {
    this.transport.open();
  }

  send(message: MainToStore): void {
    if (this.ended) return;
    this.transport.send(message);
  }

  onMessage(listener: (message: StoreToMain) => void): void {
    this.messageListeners.add(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.add(listener);
  }

  close(): void {
    if (this.ended) return;
    // Messages already sent still reach the store, as they would through a real port.
    this.transport.close();
    this.lost();
  }

  receive(message: unknown): void {
    if (this.ended) return;
    if (!isStoreMessage(message)) {
      console.warn('Ignored a malformed message from the store worker.');
      return;
    }
    for (const listener of this.messageListeners) listener(message);
  }

  /** This end closed or the page end went away: tell main, as src/main/store-link.ts does. */
  lost(): void {
    if (this.ended) return;
    this.end();
    for (const listener of this.closeListeners) listener();
  }

  private end(): void {
    this.ended = true;
    this.transport.forget();
  }

  toString(): string {
    return `StoreLink(${this.jobId})`;
  }
}
