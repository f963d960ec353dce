/**
 * The page's only access to main: `window.api`, built from the contract's method table, one
 * method per channel. It never exposes ipcRenderer itself. Sync job ports arrive here from
 * main and are passed to the page, which gives them to its store worker.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_METHODS, SYNC_PORT_CHANNEL, SYNC_PORT_MESSAGE, type Api, type IpcMethod } from '../shared/ipc';

/** Subscribes without handing the page Electron's event object (it carries `sender`). */
function listen(channel: string, listener: (payload: unknown) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

function methodFor(method: IpcMethod): (argument: never) => unknown {
  switch (method.kind) {
    // Only the one argument travels: main checks it against the channel's schema.
    case 'invoke':
      return (payload: unknown) => ipcRenderer.invoke(method.channel, payload);
    case 'event':
      return (listener: (payload: unknown) => void) => listen(method.channel, listener);
  }
}

// The table's types make each entry the method Api names; the loop cannot show that to tsc.
const api = Object.fromEntries(
  Object.entries(IPC_METHODS).map(([name, method]) => [name, methodFor(method)]),
) as unknown as Api;

ipcRenderer.on(SYNC_PORT_CHANNEL, (event, message: { jobId?: unknown }) => {
  if (typeof message?.jobId !== 'string' || event.ports.length === 0) return;
  // Same-window post: the page checks event.source and the kind before taking the port.
  window.postMessage({ kind: SYNC_PORT_MESSAGE, jobId: message.jobId }, '*', event.ports);
});

contextBridge.exposeInMainWorld('api', api);
