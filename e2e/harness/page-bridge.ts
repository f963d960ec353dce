/**
 * What the preload is to the Electron window, for a plain Chromium page: `window.api` built
 * from the IPC contract's method table, main's events pushed in as they happen, and sync job
 * ports handed to the page exactly as the preload hands them over.
 *
 * Node plays main: every invoke arrives through one binding. Each store link is a
 * MessageChannel whose main end lives in a relay worker in the page (port-relay.js), so sync
 * pages reach the store worker without crossing the page's main thread, as in the app. All
 * that Node sends (events and port messages) goes to the page in order, in batches: whatever
 * queued up while the last batch was on its way travels in the next one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
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
import { PORT_RELAY_PATH } from './renderer-server';

type BindingSource = Parameters<Parameters<Page['exposeBinding']>[1]>[0];

const INVOKE_BINDING = '__peeringAssistantInvoke';
const PORT_OUT_BINDING = '__peeringAssistantPortOut';
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

/** One thing main sends to the page; a batch is a list of them, carried out in order. */
type PageOp =
  | { kind: 'dispatch'; channel: string; payload: unknown }
  | { kind: 'open'; jobId: string }
  | { kind: 'deliver'; jobId: string; messages: unknown[] }
  | { kind: 'close'; jobId: string };

interface PageHooks {
  /** Resolves, once the port messages were posted, with the jobs whose port was not open. */
  run(ops: PageOp[]): Promise<string[]>;
}

declare global {
  interface Window {
    __peeringAssistantHarness?: PageHooks;
  }
}

/** Sync pages above this size are fetched by the relay worker from the loopback server instead. */
const BULK_THRESHOLD_CHARS = 64 * 1024;
/** The relay worker swaps this field back for `rowsJson` (see port-relay.js). */
const BULK_URL_FIELD = '__rowsJsonUrl';

export interface PageBridgeOptions {
  appUrl: string;
  invoke: InvokeHandler;
  /** Stashes a large text for one same-origin download and returns its path. */
  stash?: (text: string) => string;
}

/** What page-api.js is given, as JSON: the contract's method table and how to reach Node. */
export const PAGE_API_CONFIG = {
  methods: IPC_METHODS,
  syncPortMessage: SYNC_PORT_MESSAGE,
  invokeBinding: INVOKE_BINDING,
  portOutBinding: PORT_OUT_BINDING,
  portClosedBinding: PORT_CLOSED_BINDING,
  hooksName: PAGE_HOOKS,
  bulkUrlField: BULK_URL_FIELD,
  relayUrl: PORT_RELAY_PATH,
};

/** The init script exactly as the page runs it: page-api.js, then the call that installs it. */
export const PAGE_API_SCRIPT = `${readFileSync(fileURLToPath(new URL('./page-api.js', import.meta.url)), 'utf8')}
installPeeringAssistantApi(${JSON.stringify(PAGE_API_CONFIG)});`;

export async function installPageBridge(page: Page, options: PageBridgeOptions): Promise<PageBridge> {
  const links = new Map<string, HarnessStoreLink>();

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
  await page.exposeBinding(PORT_OUT_BINDING, (source, jobId: string, message: unknown) => {
    fromApp(source);
    links.get(jobId)?.receive(message);
  });
  await page.exposeBinding(PORT_CLOSED_BINDING, (source, jobId: string) => {
    fromApp(source);
    links.get(jobId)?.lost();
  });
  await page.addInitScript({ content: PAGE_API_SCRIPT });

  const loseAllLinks = () => {
    for (const link of [...links.values()]) link.lost();
  };
  page.on('close', loseAllLinks);
  page.on('crash', loseAllLinks);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loseAllLinks();
  });

  const toWire = (message: MainToStore): unknown => {
    // Sync pages and history moments carry their text as rowsJson.
    if (!options.stash || !('rowsJson' in message) || message.rowsJson.length < BULK_THRESHOLD_CHARS) return message;
    const { rowsJson, ...rest } = message;
    return { ...rest, [BULK_URL_FIELD]: options.stash(rowsJson) };
  };

  const outbox = new PageOutbox(
    // The hook is a static function (the app's CSP forbids eval, and a harness that needed it
    // would test a weaker policy). It runs in the page, so it is reached through the page's own
    // global; a page that went away rejects, and every port in the batch counts as lost.
    (batch) =>
      page.evaluate((ops) => window.__peeringAssistantHarness!.run(ops), batch).catch(() => null),
    (message) => toWire(message as MainToStore),
    (jobIds) => {
      for (const jobId of jobIds) links.get(jobId)?.lost();
    },
  );

  function broadcast<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
    outbox.push({ kind: 'dispatch', channel, payload });
  }

  function openStoreLink(jobId: string): StoreLink {
    const link = new HarnessStoreLink(jobId, {
      send: (op) => outbox.push(op),
      forget: () => links.delete(jobId),
    });
    links.set(jobId, link);
    link.start();
    return link;
  }

  return {
    broadcast,
    openStoreLink,
    settled: () => outbox.settled(),
  };
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
    private readonly toWire: (message: unknown) => unknown,
    private readonly onNotDelivered: (jobIds: string[]) => void,
  ) {}

  push(op: PageOp): void {
    const last = this.queue.at(-1);
    if (op.kind === 'deliver' && last?.kind === 'deliver' && last.jobId === op.jobId) {
      last.messages.push(...op.messages);
    } else {
      this.queue.push(op.kind === 'deliver' ? { ...op, messages: [...op.messages] } : op);
    }
    // A microtask later, so what the caller sends in the same turn joins the batch.
    this.draining ??= Promise.resolve().then(() => this.drain());
  }

  /** Settles once everything pushed so far was carried out by the page (or the page is gone). */
  settled(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.queue.length).map((op) =>
        // Large bodies are stashed only now, when they leave, so nothing is stashed for a page
        // that went away while they waited.
        op.kind === 'deliver' ? { ...op, messages: op.messages.map(this.toWire) } : op,
      );
      const notDelivered = await this.run(batch);
      const lost = notDelivered ?? batch.flatMap((op) => (op.kind === 'open' || op.kind === 'deliver' ? [op.jobId] : []));
      if (lost.length > 0) this.onNotDelivered(lost);
    }
    this.draining = null;
  }
}

function isStoreMessage(value: unknown): value is StoreToMain {
  return typeof value === 'object' && value !== null && typeof (value as { t?: unknown }).t === 'string';
}

interface LinkTransport {
  send(op: PageOp): void;
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
    this.transport.send({ kind: 'open', jobId: this.jobId });
  }

  send(message: MainToStore): void {
    if (this.ended) return;
    this.transport.send({ kind: 'deliver', jobId: this.jobId, messages: [message] });
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
    this.transport.send({ kind: 'close', jobId: this.jobId });
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
