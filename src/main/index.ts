/**
 * The app's main process: one window, the security hooks, the menu, the IPC contract, the
 * settings and the sync controller that fetches from PeeringDB into the renderer's store.
 */
import { app, BrowserWindow, Menu, net, safeStorage, session } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EventChannel, EventMap } from '../shared/ipc';
import icon from '../../resources/icon.png?asset';
import { createDialogs } from './dialogs';
import { createFileAccess } from './files';
import { createHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate, PEERINGDB_WEBSITE } from './menu';
import { createProgressRelay } from './progress';
import { startDailySchedule } from './schedule';
import { openExternalSafely, secureSession, secureWebContents } from './security';
import { createSettingsStore } from './settings';
import { openStoreLink } from './store-link';
import { createSyncController } from './sync/controller';
import { createHistoryImporter } from './history/import';

const devRendererUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererIndexPath = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const appUrl = devRendererUrl ?? pathToFileURL(rendererIndexPath).href;
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// Lets tests and side-by-side installs run against a profile of their own.
const userDataOverride = process.env.PEERING_ASSISTANT_USER_DATA_DIR;
if (userDataOverride) app.setPath('userData', userDataOverride);

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
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  if (devRendererUrl) void window.loadURL(devRendererUrl);
  else void window.loadFile(rendererIndexPath);
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

  const settings = createSettingsStore({ dir: app.getPath('userData'), secrets: safeStorage });
  const sync = createSyncController({
    fetch: electronFetch,
    appVersion: app.getVersion(),
    getConfig: () => settings.syncConfig(),
    emitProgress: createProgressRelay(settings, (progress) => send('sync:progress', progress)),
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
    files: createFileAccess(),
    openExternal: openExternalSafely,
    appInfo: { name: 'Peering Assistant', version: app.getVersion(), shell: 'electron' },
    broadcast: send,
  });
  registerIpcHandlers(handlers, appUrl);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: app.name,
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
