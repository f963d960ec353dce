/** Serves the handlers over Electron IPC, to the app's own page only. */
import { ipcMain } from 'electron';
import type { InvokeChannel } from '../shared/ipc';
import type { Handlers } from './handlers';
import { isTrustedSender } from './security-policy';

export function registerIpcHandlers(handlers: Handlers, appUrl: string): () => void {
  const channels = Object.keys(handlers) as InvokeChannel[];
  for (const channel of channels) {
    const handler = handlers[channel] as (payload: unknown) => Promise<unknown>;
    ipcMain.handle(channel, (event, payload: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame, appUrl)) {
        console.error(`Refused '${channel}' from an untrusted sender: ${frame?.url ?? 'a frame that is gone'}`);
        throw new Error(`Refused '${channel}': the request did not come from the app.`);
      }
      return handler(payload);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
