/** Serves the handlers over Electron IPC, to the app's own page only. */
import { ipcMain } from 'electron';
import { IPC_METHODS, type InvokeChannel } from '../shared/ipc';
import type { Handlers } from './ipc-handlers';
import { isTrustedSender } from './security-policy';

/** The channels the preload can invoke: the ones the contract's method table names. */
const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.values(IPC_METHODS).flatMap((method) =>
  method.kind === 'invoke' ? [method.channel] : [],
);

export function registerIpcHandlers(handlers: Handlers, appUrl: string): () => void {
  for (const channel of INVOKE_CHANNELS) {
    const handler = handlers[channel];
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
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}
