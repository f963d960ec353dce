/**
 * The app's main process: one window, the security hooks, the menu, the IPC contract, the
 * settings and the sync controller that fetches from PeeringDB into the renderer's store.
 */
import { app, BrowserWindow, Menu, net, safeStorage, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import type { EventChannel, EventMap } from '../shared/ipc';
import icon from '../../resources/icon.png?asset';
import { createDialogs } from './dialogs';
import { createFileAccess } from './files';
import { createHandlers } from './ipc-handlers';
import { registerIpcHandlers } from './ipc-registration';
import { buildMenuTemplate, PEERINGDB_WEBSITE } from './menu';
import { createSyncProgressRelay } from './sync-progress-relay';
import { startDailySchedule } from './schedule';
import { APP_INDEX_URL } from './renderer-files';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { RENDERER_JS_FLAGS } from './renderer-v8-flags';
import { openExternalSafely, secureSession, secureWebContents } from './security';
import { loadSettings } from './settings';
import { openStoreLink } from './store-link';
import { createSyncController } from './sync/controller';
import { createHistoryImporter } from './history/import';
import { hasLegacyStore, READ_LEGACY_USER_DATA_SCRIPT } from './legacy-user-data';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const devRendererUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const appUrl = devRendererUrl ?? APP_INDEX_URL;
// Developer tools only where the app runs from its sources, never in an installed app.
const developerTools = !app.isPackaged;
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// Lets tests and side-by-side installs run against a profile of their own.
const userDataOverride = process.env.PEERING_ASSISTANT_USER_DATA_DIR;
if (userDataOverride) app.setPath('userData', userDataOverride);

// An end-to-end run marks the window as driven by a test (navigator.webdriver), the one signal
// on which the page keeps its app-event log for the test to wait on. A user's run never sets it.
if (process.env.PEERING_ASSISTANT_E2E === '1') app.commandLine.appendSwitch('enable-automation');

// Before the app is ready, so that the renderer processes start with them.
app.commandLine.appendSwitch('js-flags', RENDERER_JS_FLAGS);

// Before the app is ready, or the scheme gets no origin of its own.
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Peering Assistant',
    ...(process.platform === 'linux' ? { icon } : {}),
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: developerTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(appUrl);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/**
 * The user data of version 0.1.0, read in a hidden window of its file:// origin (see
 * legacy-user-data.ts). The window has no preload and no Node, loads one blank file of main's,
 * and only main runs script in it.
 */
async function readLegacyUserData(): Promise<string | null> {
  if (!hasLegacyStore(app.getPath('userData'))) return null;
  const dir = await mkdtemp(join(app.getPath('temp'), 'peering-assistant-'));
  const blank = join(dir, 'legacy.html');
  const reader = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false },
  });
  try {
    await writeFile(blank, '<!doctype html><meta charset="utf-8"><title>Peering Assistant</title>');
    await reader.loadFile(blank);
    const text: unknown = await reader.webContents.executeJavaScript(READ_LEGACY_USER_DATA_SCRIPT, true);
    return typeof text === 'string' ? text : null;
  } finally {
    reader.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Electron's network stack (system proxy and certificates); it takes no URL objects. */
function electronFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  return net.fetch(input instanceof URL ? input.href : input, init);
}

function send<E extends EventChannel>(channel: E, payload: EventMap[E]): void {
  const contents = mainWindow?.webContents;
  if (contents && !contents.isDestroyed()) contents.send(channel, payload);
}

async function start(): Promise<void> {
  await app.whenReady();
  secureSession(session.defaultSession, appUrl, { devServer: devRendererUrl !== undefined });
  if (!devRendererUrl) serveRenderer(rendererDir);

  const settings = loadSettings({ dir: app.getPath('userData'), secrets: safeStorage });
  const sync = createSyncController({
    fetch: electronFetch,
    appVersion: app.getVersion(),
    getConfig: () => settings.syncConfig(),
    emitProgress: createSyncProgressRelay(settings, (progress) => send('sync:progress', progress)),
    openStoreLink: (jobId) => openStoreLink(mainWindow?.webContents, jobId),
  });

  const history = createHistoryImporter({
    openStoreLink: (jobId) => openStoreLink(mainWindow?.webContents, jobId),
    emitProgress: (progress) => send('history:progress', progress),
  });

  const handlers = createHandlers({
    settings,
    sync,
    history,
    dialogs: createDialogs(() => mainWindow),
    files: createFileAccess({ exportFolder: () => app.getPath('documents') }),
    openExternal: openExternalSafely,
    // Only paths main wrote itself reach here (the .eml drafts), never a path from the page.
    openPath: (path) => shell.openPath(path),
    readLegacyUserData,
    appInfo: { name: 'Peering Assistant', version: app.getVersion(), shell: 'electron' },
    broadcast: send,
  });
  registerIpcHandlers(handlers, appUrl);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: app.name,
        developerTools,
        actions: {
          command: (command, window) => {
            const target = window ?? BrowserWindow.getFocusedWindow() ?? mainWindow;
            if (target && !target.webContents.isDestroyed()) target.webContents.send('menu:command', command);
          },
          openWebsite: () => void openExternalSafely(PEERINGDB_WEBSITE),
        },
      }),
    ),
  );

  // Stop fetching at once; what the store committed stays, and the next sync resumes from it.
  app.on('before-quit', () => {
    sync.cancel();
    history.cancel();
  });

  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });

  // The first scheduled sync waits for the page: its store worker must be there to receive.
  mainWindow.webContents.once('did-finish-load', () => {
    const stopSchedule = startDailySchedule({
      state: () => ({ dailySync: settings.dailySync(), lastSyncAt: settings.lastSyncAt(), running: sync.running }),
      startSync: () => {
        if (mainWindow) sync.start('schedule');
      },
    });
    app.once('will-quit', stopSchedule);
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, appUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    console.error('Peering Assistant could not start:', error);
    app.exit(1);
  });
}
