/**
 * What the preload is to the Electron window, for a plain Chromium page: `window.api` built
 * method by method on the IPC contract, main's events pushed in as they happen, and sync job
 * ports handed to the page exactly as the preload hands them over.
 *
 * Node plays main: every invoke arrives through one binding, and each store link is a
 * MessageChannel whose page end stays in the bridge while the other end is posted to the app.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  SYNC_PORT_MESSAGE,
  type EventChannel,
  type EventMap,
  type InvokeChannel,
} from '../../src/shared/ipc';
import type { MainToStore, StoreToMain } from '../../src/shared/sync';
import type { StoreLink } from '../../src/main/sync/types';
import { isTrustedSender } from '../../src/main/security-policy';

type BindingSource = Parameters<Parameters<Page['exposeBinding']>[1]>[0];

const INVOKE_BINDING = '__peeringAssistantInvoke';
const PORT_OUT_BINDING = '__peeringAssistantPortOut';
const PORT_CLOSED_BINDING = '__peeringAssistantPortClosed';
/** Page-side entry points the init script installs for Node to call (see `Window` below). */
const PAGE_HOOKS = '__peeringAssistantHarness';

export type InvokeHandler = (channel: InvokeChannel, payload: unknown) => Promise<unknown>;

export interface PageBridge {
  broadcast<C extends EventChannel>(channel: C, payload: EventMap[C]): void;
  openStoreLink(jobId: string): StoreLink;
  /** Waits until every broadcast and port message sent so far reached the page. */
  settled(): Promise<void>;
}

interface PageHooks {
  dispatch(channel: string, payload: unknown): void;
  openPort(jobId: string): void;
  deliver(jobId: string, messages: unknown[]): Promise<void>;
  closePort(jobId: string): void;
}

declare global {
  interface Window {
    __peeringAssistantHarness?: PageHooks;
  }
}

const PAGE_API_SOURCE = readFileSync(fileURLToPath(new URL('./page-api.js', import.meta.url)), 'utf8');

/** Sync pages above this size are fetched by the page from the loopback server instead. */
const BULK_THRESHOLD_CHARS = 64 * 1024;
/** The page-side hook swaps this field back for `rowsJson` (see page-api.js). */
const BULK_URL_FIELD = '__rowsJsonUrl';

export interface PageBridgeOptions {
  appUrl: string;
  invoke: InvokeHandler;
  /** Stashes a large text for one same-origin download and returns its path. */
  stash?: (text: string) => string;
}

export async function installPageBridge(page: Page, options: PageBridgeOptions): Promise<PageBridge> {
  const links = new Map<string, HarnessStoreLink>();
  let delivery: Promise<void> = Promise.resolve();

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
  const config = {
    syncPortMessage: SYNC_PORT_MESSAGE,
    invokeBinding: INVOKE_BINDING,
    portOutBinding: PORT_OUT_BINDING,
    portClosedBinding: PORT_CLOSED_BINDING,
    hooksName: PAGE_HOOKS,
    bulkUrlField: BULK_URL_FIELD,
  };
  await page.addInitScript({
    content: `${PAGE_API_SOURCE}\ninstallPeeringAssistantApi(${JSON.stringify(config)});`,
  });

  const loseAllLinks = () => {
    for (const link of [...links.values()]) link.lost();
  };
  page.on('close', loseAllLinks);
  page.on('crash', loseAllLinks);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loseAllLinks();
  });

  /**
   * Calls into the page. Each hook is a static function (the app's CSP forbids eval, and a
   * harness that needed it would test a weaker policy); a page that went away answers false.
   */
  const settle = (call: Promise<unknown>): Promise<boolean> =>
    call.then(
      () => true,
      () => false,
    );
  const toWire = (message: MainToStore): unknown => {
    if (!options.stash || message.t !== 'page' || message.rowsJson.length < BULK_THRESHOLD_CHARS) return message;
    const { rowsJson, ...rest } = message;
    return { ...rest, [BULK_URL_FIELD]: options.stash(rowsJson) };
  };
  // These bodies run in the page, so they reach the hooks through the page's own global.
  const pageCalls = {
    dispatch: (channel: string, payload: unknown) =>
      settle(page.evaluate(([c, p]) => window.__peeringAssistantHarness!.dispatch(c, p), [channel, payload] as const)),
    openPort: (jobId: string) =>
      settle(page.evaluate((id) => window.__peeringAssistantHarness!.openPort(id), jobId)),
    deliver: (jobId: string, messages: MainToStore[]) =>
      settle(
        page.evaluate(([id, batch]) => window.__peeringAssistantHarness!.deliver(id, batch), [
          jobId,
          messages.map(toWire),
        ] as const),
      ),
    closePort: (jobId: string) =>
      settle(page.evaluate((id) => window.__peeringAssistantHarness!.closePort(id), jobId)),
  };

  function broadcast<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
    delivery = delivery.then(async () => {
      await pageCalls.dispatch(channel, payload);
    });
  }

  function openStoreLink(jobId: string): StoreLink {
    const link = new HarnessStoreLink(jobId, {
      open: () => pageCalls.openPort(jobId),
      deliver: (messages) => pageCalls.deliver(jobId, messages),
      close: () => pageCalls.closePort(jobId),
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
      await delivery;
      await Promise.all([...links.values()].map((link) => link.settled()));
    },
  };
}

function isStoreMessage(value: unknown): value is StoreToMain {
  return typeof value === 'object' && value !== null && typeof (value as { t?: unknown }).t === 'string';
}

interface LinkTransport {
  open(): Promise<boolean>;
  deliver(messages: MainToStore[]): Promise<boolean>;
  close(): Promise<boolean>;
  forget(): void;
}

/**
 * Main's end of one job's port. Sends are queued and delivered in batches, in order, so a
 * burst of pages costs one round trip to the page instead of one each.
 */
class HarnessStoreLink implements StoreLink {
  private readonly messageListeners = new Set<(message: StoreToMain) => void>();
  private readonly closeListeners = new Set<() => void>();
  private readonly queue: MainToStore[] = [];
  private pump: Promise<void> = Promise.resolve();
  private pumping = false;
  private ended = false;

  constructor(
    private readonly jobId: string,
    private readonly transport: LinkTransport,
  ) {}

  start(): void {
    this.pump = this.transport.open().then((opened) => {
      if (!opened) this.lost();
    });
  }

  send(message: MainToStore): void {
    if (this.ended) return;
    this.queue.push(message);
    if (this.pumping) return;
    this.pumping = true;
    this.pump = this.pump.then(async () => {
      // Runs on after close(): what was sent before it still reaches the store.
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.queue.length);
        if (!(await this.transport.deliver(batch))) {
          this.queue.length = 0;
          this.lost();
        }
      }
      this.pumping = false;
    });
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
    this.pump = this.pump.then(async () => {
      await this.transport.close();
    });
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

  settled(): Promise<void> {
    return this.pump;
  }

  private end(): void {
    this.ended = true;
    this.transport.forget();
  }

  toString(): string {
    return `StoreLink(${this.jobId})`;
  }
}
