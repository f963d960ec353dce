import { beforeEach, expect, it, vi } from 'vitest';
import { IPC_METHODS, type InvokeChannel } from '../shared/ipc';
import type { Handlers } from './ipc-handlers';
import { registerIpcHandlers } from './ipc-registration';
import { APP_INDEX_URL } from './renderer-files';

type Served = (event: { senderFrame: { url: string; parent: unknown } | null }, payload: unknown) => Promise<unknown>;

const ipcMain = vi.hoisted(() => ({ served: new Map<string, unknown>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: unknown) => {
      if (ipcMain.served.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcMain.served.set(channel, listener);
    },
    removeHandler: (channel: string) => ipcMain.served.delete(channel),
  },
}));

const APP_URL = APP_INDEX_URL;
const invokeChannels = Object.values(IPC_METHODS).flatMap((method) => (method.kind === 'invoke' ? [method.channel] : []));

/** Handlers that answer with their own channel and what they were given. */
const echoHandlers = new Proxy({} as Handlers, {
  get: (_target, channel) => async (payload: unknown) => ({ channel, payload }),
});

beforeEach(() => ipcMain.served.clear());

it('serves every invoke channel of the contract table, and removes them all again', () => {
  const unregister = registerIpcHandlers(echoHandlers, APP_URL);
  expect([...ipcMain.served.keys()].sort()).toEqual([...invokeChannels].sort());
  unregister();
  expect(ipcMain.served.size).toBe(0);
});

it('answers the app page with the channel handler, and refuses any other sender', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  registerIpcHandlers(echoHandlers, APP_URL);
  const serve = (channel: InvokeChannel) => ipcMain.served.get(channel) as Served;
  await expect(serve('settings:set')({ senderFrame: { url: APP_URL, parent: null } }, { dailySync: true })).resolves.toEqual({
    channel: 'settings:set',
    payload: { dailySync: true },
  });
  const strangers = [
    null,
    { url: APP_URL, parent: {} },
    { url: 'https://example.com/', parent: null },
    { url: 'file:///app/index.html', parent: null },
    { url: 'app://peering-assistant/assets/index.js', parent: null },
  ];
  for (const senderFrame of strangers) {
    expect(() => serve('app:info')({ senderFrame }, undefined)).toThrow(/Refused 'app:info'/);
  }
  expect(logged).toHaveBeenCalledTimes(strangers.length);
});
