/**
 * The page's only access to main: `window.api`, one method per channel of the contract.
 * It never exposes ipcRenderer itself. Sync job ports arrive here from main and are passed to
 * the page, which gives them to its store worker.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Api, EventChannel, EventMap, InvokeChannel, InvokeResponse } from '../shared/ipc';
import type * as Contract from '../shared/ipc';

// Restated as literals typed by the contract (a typo fails the typecheck): importing the
// values would bundle the contract's validation library into the sandboxed preload.
const SYNC_PORT_CHANNEL: typeof Contract.SYNC_PORT_CHANNEL = 'sync:port';
const SYNC_PORT_MESSAGE: typeof Contract.SYNC_PORT_MESSAGE = 'peering-assistant:sync-port';

function invoke<C extends InvokeChannel>(channel: C, payload?: unknown): Promise<InvokeResponse<C>> {
  return ipcRenderer.invoke(channel, payload) as Promise<InvokeResponse<C>>;
}

/** Subscribes without handing the page Electron's event object (it carries `sender`). */
function listen<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: EventMap[E]) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api: Api = {
  appInfo: () => invoke('app:info'),
  getSettings: () => invoke('settings:get'),
  setSettings: (patch) => invoke('settings:set', patch),
  startSync: (req) => invoke('sync:start', req ?? {}),
  cancelSync: () => invoke('sync:cancel'),
  importDump: () => invoke('dump:import'),
  importHistory: () => invoke('history:import'),
  cancelHistoryImport: () => invoke('history:cancel'),
  confirmFlush: () => invoke('flush:confirm'),
  saveExport: (req) => invoke('export:save', req),
  openBackup: () => invoke('backup:open'),
  openExternal: (url) => invoke('external:open', { url }),
  onMenuCommand: (listener) => listen('menu:command', listener),
  onSyncProgress: (listener) => listen('sync:progress', listener),
  onSettingsChanged: (listener) => listen('settings:changed', listener),
  onHistoryProgress: (listener) => listen('history:progress', listener),
};

ipcRenderer.on(SYNC_PORT_CHANNEL, (event, message: { jobId?: unknown }) => {
  if (typeof message?.jobId !== 'string' || event.ports.length === 0) return;
  // Same-window post: the page checks event.source and the kind before taking the port.
  window.postMessage({ kind: SYNC_PORT_MESSAGE, jobId: message.jobId }, '*', event.ports);
});

contextBridge.exposeInMainWorld('api', api);
