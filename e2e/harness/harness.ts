/**
 * The Chromium harness: the app's main process, minus Electron, around a plain Chromium page.
 * It serves the built renderer on loopback under the app's CSP, gives the page `window.api`
 * through the page bridge, and answers it with the REAL main-side handlers, settings and
 * sync controller; only the OS services (secret storage, native dialogs, the browser that opens
 * links) are stand-ins a test can script. Specs and the benchmark both start it from here.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import type { MenuCommand } from '../../src/shared/ipc';
import { createHandlers, type Dialogs, type Handlers } from '../../src/main/ipc-handlers';
import { createFileAccess } from '../../src/main/files';
import { createSyncProgressRelay } from '../../src/main/sync-progress-relay';
import { startDailySchedule } from '../../src/main/schedule';
import { loadSettings, type Settings } from '../../src/main/settings';
import { createSyncController } from '../../src/main/sync/controller';
import { createHistoryImporter, type HistoryImporter } from '../../src/main/history/import';
import type { SyncController, SyncTuning } from '../../src/main/sync/sync-types';
import { fetchTrustingLoopbackTls } from '../../tools/fake-peeringdb/loopback-tls';
import type { SyncClock } from '../../src/main/sync/clock';
import { launchChromium } from './chromium';
import { ScriptedDialogs } from './scripted-dialogs';
import { installPageBridge, type PageBridge } from './page-bridge';
import { startRendererServer, type RendererServer } from './renderer-server';
import { createAesSecretBox } from './secret-box';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');

/** Where the profile keeps the loopback port: the origin, and so IndexedDB, must not change. */
const ORIGIN_FILE = 'harness-origin.json';
const PROFILE_DIR = 'chromium-profile';

export interface HarnessOptions {
  /** What main would read from its environment, e.g. PEERINGDB_URL. process.env is not read. */
  env?: Record<string, string | undefined>;
  /** The app's user data: settings and the browser profile. Reuse it to restart the app. */
  userDataDir?: string;
  rendererDir?: string;
  headless?: boolean;
  /**
   * Where main's fetch may go. 'loopback' (the default) refuses every other host, so no test
   * or benchmark can reach PeeringDB itself by a slip of configuration.
   */
  network?: 'loopback' | 'any';
  /** Overrides of the sync's pacing and timeouts; the app's own defaults otherwise. */
  syncTuning?: Partial<SyncTuning>;
  /** What the sync's waits run on; the wall clock otherwise (the bench brings a faster one). */
  syncClock?: SyncClock;
  /**
   * A bulk cache for first loads. The app uses PeeringDB's own only with PeeringDB's own API,
   * so a fake server's cache is reached only through this.
   */
  bulkCacheUrl?: string;
}

export interface Harness {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly appUrl: string;
  readonly userDataDir: string;
  readonly env: Record<string, string | undefined>;
  readonly dialogs: ScriptedDialogs;
  /** Links the app handed to the OS, in order. */
  readonly openedExternally: string[];
  /** Files the app handed to the OS to open (drafts), in order. */
  readonly openedFiles: string[];
  /** Uncaught errors of the page, in order. */
  readonly pageErrors: Error[];
  readonly settings: Settings;
  readonly sync: SyncController;
  readonly history: HistoryImporter;
  readonly handlers: Handlers;
  /** What choosing the item in the native menu does: main sends the command to the window. */
  menu(command: MenuCommand): Promise<void>;
  close(): Promise<void>;
}

function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function savedPort(userDataDir: string): number {
  const file = join(userDataDir, ORIGIN_FILE);
  if (!existsSync(file)) return 0;
  const { port } = JSON.parse(readFileSync(file, 'utf8')) as { port?: unknown };
  return typeof port === 'number' && Number.isInteger(port) ? port : 0;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function loopbackOnlyFetch(): typeof fetch {
  // The fake PeeringDB speaks HTTPS with a test certificate that only this fetch trusts.
  const fetch = fetchTrustingLoopbackTls();
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      // A TypeError, as fetch reports a network failure, so the sync treats it as one.
      return Promise.reject(new TypeError(`The harness reaches only loopback servers; refused ${url.origin}`));
    }
    return fetch(input, init);
  };
}

function harnessDialogs(script: ScriptedDialogs): Dialogs {
  return {
    saveFile: async (defaultPath, format) => script.savePath({ defaultPath, format }),
    openDump: async () => script.openPath({ purpose: 'dump' }),
    openDumps: async () => script.openPaths({ purpose: 'history' }),
    openBackup: async () => script.openPath({ purpose: 'backup' }),
    confirmFlush: async () => script.confirm({ purpose: 'flush' }),
    confirmKeyMove: async (move) => script.confirm({ purpose: 'api-key-move', ...move }),
  };
}

export async function launchHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`${rendererDir}/index.html is missing: run npm run build first.`);
  }
  const env = { ...(options.env ?? {}) };
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'peering-assistant-'));
  mkdirSync(userDataDir, { recursive: true });

  const server: RendererServer = await startRendererServer({
    rootDir: rendererDir,
    port: savedPort(userDataDir),
  });
  writeFileSync(join(userDataDir, ORIGIN_FILE), JSON.stringify({ port: server.port }));
  const appUrl = `${server.origin}/`;

  let context: BrowserContext;
  try {
    context = await launchChromium(join(userDataDir, PROFILE_DIR), { headless: options.headless });
  } catch (error) {
    await server.close();
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));

  const settings = loadSettings({ dir: userDataDir, secrets: createAesSecretBox(), env });
  const dialogs = new ScriptedDialogs();
  const openedExternally: string[] = [];
  const openedFiles: string[] = [];

  // The bridge needs the handlers and the handlers need the bridge: bind late.
  let handlers: Handlers | null = null;
  const bridge: PageBridge = await installPageBridge(page, {
    appUrl,
    acceptSockets: (onSocket) => server.acceptSockets(onSocket),
    invoke: async (channel, payload) => {
      const handler = handlers?.[channel];
      if (!handler) throw new Error(`No handler for '${String(channel)}'`);
      return handler(payload);
    },
  });

  const version = readPackageVersion();
  const sync = createSyncController({
    appVersion: version,
    ...(options.syncTuning ? { tuning: options.syncTuning } : {}),
    ...(options.syncClock ? { clock: options.syncClock } : {}),
    openStoreLink: (jobId) => bridge.openStoreLink(jobId),
    emitProgress: createSyncProgressRelay(settings, (progress) => bridge.broadcast('sync:progress', progress)),
    getConfig: () => {
      const config = settings.syncConfig();
      return options.bulkCacheUrl ? { ...config, cacheUrl: options.bulkCacheUrl } : config;
    },
    fetch: options.network === 'any' ? globalThis.fetch : loopbackOnlyFetch(),
  });
  const history = createHistoryImporter({
    openStoreLink: (jobId) => bridge.openStoreLink(jobId),
    emitProgress: (progress) => bridge.broadcast('history:progress', progress),
  });
  handlers = createHandlers({
    settings,
    sync,
    history,
    dialogs: harnessDialogs(dialogs),
    files: createFileAccess({ exportFolder: () => join(userDataDir, 'Documents') }),
    openExternal: (url) => {
      openedExternally.push(url);
      return true;
    },
    openPath: async (path) => {
      openedFiles.push(path);
      return '';
    },
    // A harness profile never held a file:// page's database.
    readLegacyUserData: async () => null,
    appInfo: { name: 'Peering Assistant', version, shell: 'harness' },
    broadcast: (channel, payload) => bridge.broadcast(channel, payload),
  });

  await page.goto(appUrl);
  const stopSchedule = startDailySchedule({
    state: () => ({ dailySync: settings.dailySync(), lastSyncAt: settings.lastSyncAt(), running: sync.running }),
    startSync: () => sync.start('schedule'),
  });

  let closed = false;
  return {
    page,
    context,
    appUrl,
    userDataDir,
    env,
    dialogs,
    openedExternally,
    openedFiles,
    pageErrors,
    settings,
    sync,
    history,
    handlers,
    async menu(command) {
      bridge.broadcast('menu:command', command);
      await bridge.settled();
    },
    async close() {
      if (closed) return;
      closed = true;
      stopSchedule();
      sync.cancel();
      history.cancel();
      await context.close();
      await Promise.all([sync.idle(), history.idle()]);
      await server.close();
    },
  };
}
