/**
 * The Chromium harness stands in for the preload in every e2e run, so a method that one of
 * them lacks, or sends on another channel, would let specs pass against an API the app does
 * not have. Both are loaded here as they run: the preload with Electron replaced by a
 * recorder, the harness's init script as text in a fake window.
 */
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_METHODS, type Api, type IpcMethod, type IpcMethodName } from '../../src/shared/ipc';
import { PAGE_API_CONFIG, PAGE_API_SCRIPT } from './page-bridge';

/** One side's link to main, faked: what it invoked, and a way to send it events. */
interface Transport {
  invoked: { channel: string; payload: unknown }[];
  /** Delivers an event from main on `channel`, as Electron or the harness would. */
  emit(channel: string, payload: unknown): Promise<void>;
}

interface Side {
  api: Api;
  transport: Transport;
}

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const invoked: { channel: string; payload: unknown }[] = [];
  let exposed: { key: string; api: unknown } | null = null;
  return {
    listeners,
    invoked,
    exposed: () => exposed,
    module: {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          exposed = { key, api };
        },
      },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          invoked.push({ channel, payload: args[0] });
          if (args.length !== 1) throw new Error(`invoke carried ${args.length} arguments`);
          return { answeredOn: channel };
        },
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)!.add(listener);
        },
        removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
          listeners.get(channel)?.delete(listener);
        },
      },
    },
  };
});
vi.mock('electron', () => electron.module);

async function loadPreload(): Promise<Side> {
  await import('../../src/preload/index');
  const exposed = electron.exposed();
  if (exposed?.key !== 'api') throw new Error('The preload exposed no window.api');
  // The sync port hand-off is the preload's own business, not a method of window.api.
  electron.listeners.delete('sync:port');
  return {
    api: exposed.api as Api,
    transport: {
      invoked: electron.invoked,
      emit: async (channel, payload) => {
        const sender = { sender: 'the event object that must not reach the page' };
        for (const listener of electron.listeners.get(channel) ?? []) listener(sender, payload);
      },
    },
  };
}

function loadHarness(): Side {
  const invoked: { channel: string; payload: unknown }[] = [];
  const fakeWindow: Record<string, unknown> = {
    [PAGE_API_CONFIG.invokeBinding]: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, payload: args[0] });
      if (args.length !== 1) throw new Error(`invoke carried ${args.length} arguments`);
      return { answeredOn: channel };
    },
    [PAGE_API_CONFIG.portClosedBinding]: async () => {},
  };
  runInNewContext(PAGE_API_SCRIPT, { window: fakeWindow, queueMicrotask, console });
  const hooks = fakeWindow[PAGE_API_CONFIG.hooksName] as {
    run(ops: { kind: 'dispatch'; channel: string; payload: unknown }[]): Promise<string[]>;
  };
  const api = fakeWindow.api as Api;
  return {
    api,
    transport: {
      invoked,
      emit: async (channel, payload) => {
        await hooks.run([{ kind: 'dispatch', channel, payload }]);
      },
    },
  };
}

const METHODS = Object.entries(IPC_METHODS) as [IpcMethodName, IpcMethod][];
const EVENT_CHANNELS = Object.values(IPC_METHODS).flatMap((method) => (method.kind === 'event' ? [method.channel] : []));

/** Every event channel, each with a payload of its own, so a listener shows which it heard. */
async function emitOnEveryChannel(side: Side): Promise<void> {
  for (const channel of EVENT_CHANNELS) await side.transport.emit(channel, { probe: channel });
}

/**
 * What each method of `side.api` does, found by calling it, without reading the table: the
 * channel it invokes, or else the channel whose events reach the function it was given.
 */
async function observe(side: Side): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  for (const [name, method] of Object.entries(side.api) as [string, (argument: unknown) => unknown][]) {
    const before = side.transport.invoked.length;
    const heard: string[] = [];
    const result = method((payload: { probe: string }) => heard.push(payload.probe));
    if (side.transport.invoked.length > before) {
      await result;
      seen[name] = `invokes ${side.transport.invoked.at(-1)!.channel}`;
    } else {
      await emitOnEveryChannel(side);
      (result as () => void)();
      seen[name] = `hears ${heard.join(', ')}`;
    }
  }
  return seen;
}

describe('the harness page API and the preload', () => {
  let preload: Side;
  let harness: Side;

  beforeAll(async () => {
    preload = await loadPreload();
    harness = loadHarness();
  });

  it('have the same methods, each on the same channel', async () => {
    expect(await observe(harness)).toEqual(await observe(preload));
  });

  it('expose the methods of the contract table', () => {
    const names = Object.keys(IPC_METHODS).sort();
    expect(Object.keys(preload.api).sort()).toEqual(names);
    expect(Object.keys(harness.api).sort()).toEqual(names);
  });

  it('give every channel of the table one method', () => {
    const channels = Object.values(IPC_METHODS).map((method) => method.channel);
    expect(new Set(channels).size).toBe(channels.length);
  });

  const invokeMethods = METHODS.flatMap(([name, method]) =>
    method.kind === 'invoke' ? [[name, method.channel] as const] : [],
  );
  it.each(invokeMethods)('%s invokes %s with its one argument as the payload, on both', async (name, channel) => {
    for (const side of [preload, harness]) {
      const method = side.api[name] as unknown as (...args: unknown[]) => Promise<unknown>;
      const before = side.transport.invoked.length;
      const request = { probe: name };
      await expect(method(request, 'an extra argument that must not travel')).resolves.toEqual({ answeredOn: channel });
      await expect(method()).resolves.toEqual({ answeredOn: channel });
      expect(side.transport.invoked.slice(before)).toEqual([
        { channel, payload: request },
        { channel, payload: undefined },
      ]);
    }
  });

  const eventMethods = METHODS.flatMap(([name, method]) =>
    method.kind === 'event' ? [[name, method.channel] as const] : [],
  );
  it.each(eventMethods)('%s hears %s only, with the bare payload, until unsubscribed, on both', async (name, channel) => {
    for (const side of [preload, harness]) {
      const subscribe = side.api[name] as unknown as (listener: (...args: unknown[]) => void) => () => void;
      const heard: unknown[][] = [];
      const unsubscribe = subscribe((...args) => heard.push(args));
      await emitOnEveryChannel(side);
      expect(heard).toEqual([[{ probe: channel }]]);
      unsubscribe();
      await emitOnEveryChannel(side);
      expect(heard).toHaveLength(1);
    }
  });
});
