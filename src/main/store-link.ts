/**
 * Main's end of a sync job's channel to the store worker: a MessageChannelMain whose other
 * port goes to the renderer, where the preload hands it to the page and the page to the worker.
 */
import { MessageChannelMain, type WebContents } from 'electron';
import { SYNC_PORT_CHANNEL } from '../shared/ipc';
import type { StoreToMain } from '../shared/sync';
import type { StoreLink } from './sync/sync-types';

function isStoreMessage(value: unknown): value is StoreToMain {
  return typeof value === 'object' && value !== null && typeof (value as { t?: unknown }).t === 'string';
}

export function openStoreLink(contents: WebContents | null | undefined, jobId: string): StoreLink {
  if (!contents || contents.isDestroyed()) {
    throw new Error('The app window is closed: there is no store to sync into.');
  }
  const { port1, port2 } = new MessageChannelMain();
  const messageListeners: ((message: StoreToMain) => void)[] = [];
  const closeListeners: (() => void)[] = [];
  let closed = false;

  const markClosed = () => {
    if (closed) return;
    closed = true;
    contents.off('destroyed', markClosed);
    contents.off('render-process-gone', markClosed);
    for (const listener of closeListeners) listener();
  };

  port1.on('message', (event) => {
    if (!isStoreMessage(event.data)) {
      console.warn('Ignored a malformed message from the store worker.');
      return;
    }
    for (const listener of messageListeners) listener(event.data);
  });
  port1.on('close', markClosed);
  // The port's 'close' may not fire when the whole renderer goes away; the page's end does.
  contents.on('destroyed', markClosed);
  contents.on('render-process-gone', markClosed);
  port1.start();
  contents.postMessage(SYNC_PORT_CHANNEL, { jobId }, [port2]);

  return {
    send(message) {
      if (!closed) port1.postMessage(message);
    },
    onMessage(listener) {
      messageListeners.push(listener);
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    close() {
      port1.close();
      markClosed();
    },
  };
}
