import { beforeEach, describe, expect, it } from 'vitest';
import { SYNC_PORT_MESSAGE } from '../../../../shared/ipc';
import { createAppState } from '../state/app-state';
import { connectApp } from './connect';
import { createFakeApi, createFakeStoreClient, progress, recordEvents, SETTINGS, storeStatus } from '../fakes.test-support';

let fake: ReturnType<typeof createFakeApi>;
let storeClient: ReturnType<typeof createFakeStoreClient>;
let store: ReturnType<typeof createAppState>;
let recorder: ReturnType<typeof recordEvents>;
let win: Window;

/** Lets pending promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(() => {
  fake = createFakeApi();
  storeClient = createFakeStoreClient(storeStatus({ net: 10 }, 3));
  store = createAppState();
  recorder = recordEvents();
  win = new EventTarget() as unknown as Window;
});

function connect() {
  return connectApp({ api: fake.api, client: storeClient.client, store, emit: recorder.emit, win });
}

describe('connectApp', () => {
  it('announces ready once the store is ready, with its status', async () => {
    connect();
    await settle();
    expect(recorder.names()).not.toContain('ready');
    storeClient.becomeReady();
    await settle();
    expect(recorder.names()).toContain('ready');
    expect(store.getState().copyStatus?.counts.net).toBe(10);
    expect(store.getState().settings).toEqual(SETTINGS);
  });

  it('reports a store that cannot start', async () => {
    connect();
    storeClient.failToStart(new Error('IndexedDB is not available'));
    await settle();
    expect(store.getState().copyError).toBe('IndexedDB is not available');
    expect(recorder.names()).not.toContain('ready');
  });

  it('follows an import of dumps for history and tells how it ended', async () => {
    connect();
    const base = { jobId: 'h1', total: 2, startedAt: 1, files: [] };
    fake.sendHistoryProgress({ ...base, phase: 'reading', finished: 0, current: 'peeringdb_2_dump_2026_03_01.json' });
    expect(store.getState().historyImport?.current).toBe('peeringdb_2_dump_2026_03_01.json');
    expect(recorder.names()).not.toContain('history-import-done');
    fake.sendHistoryProgress({ ...base, phase: 'done', finished: 2, message: '2 dumps added to history.', endedAt: 2 });
    expect(recorder.names()).toContain('history-import-done');
    expect(store.getState().notice).toMatchObject({ tone: 'success', text: '2 dumps added to history.' });
  });

  it('leaves the end of a history import to the History panel when Statistics shows it', async () => {
    connect();
    store.getState().navigate('statistics');
    const base = { jobId: 'h2', total: 1, startedAt: 1, files: [] };
    fake.sendHistoryProgress({ ...base, phase: 'done', finished: 1, message: '1 dump added to history.', endedAt: 2 });
    expect(recorder.names()).toContain('history-import-done');
    expect(store.getState().historyImport?.message).toBe('1 dump added to history.');
    expect(store.getState().notice).toBeNull();
  });

  it('announces and runs menu commands', async () => {
    connect();
    fake.sendMenuCommand('navigate-peers');
    fake.sendMenuCommand('sync-now');
    await settle();
    expect(recorder.events.filter((e) => e.name === 'menu-command').map((e) => e.detail)).toEqual([
      'navigate-peers',
      'sync-now',
    ]);
    expect(store.getState().view).toBe('peers');
    expect(fake.callsTo('startSync')).toHaveLength(1);
  });

  it('turns progress into state and sync events', () => {
    connect();
    fake.sendProgress(progress({ phase: 'fetching', type: 'net' }));
    expect(store.getState().syncRunning).toBe(true);
    fake.sendProgress(progress({ phase: 'done' }));
    expect(store.getState().syncRunning).toBe(false);
    expect(recorder.names()).toEqual(['sync-started', 'sync-done']);
  });

  it('follows settings changed elsewhere', () => {
    connect();
    fake.sendSettings({ ...SETTINGS, hasApiKey: true });
    expect(store.getState().settings?.hasApiKey).toBe(true);
  });

  it('hands sync ports from the preload to the store', () => {
    connect();
    const channel = new MessageChannel();
    win.dispatchEvent(
      Object.assign(new Event('message'), {
        source: win,
        data: { kind: SYNC_PORT_MESSAGE, jobId: 'job-9' },
        ports: [channel.port2],
      }),
    );
    expect(storeClient.attached).toEqual([{ port: channel.port2, jobId: 'job-9' }]);
    channel.port1.close();
  });

  it('announces data changes and re-reads the status, one request at a time', async () => {
    connect();
    storeClient.change(4);
    storeClient.change(5);
    storeClient.change(6);
    expect(recorder.names().filter((name) => name === 'data-changed')).toHaveLength(3);
    expect(storeClient.pendingStatusRequests()).toBe(1);

    storeClient.setStatus(storeStatus({ net: 11 }, 6));
    storeClient.answerStatus();
    await settle();
    expect(store.getState().copyStatus?.counts.net).toBe(11);
    // The changes that came in meanwhile are covered by exactly one more request.
    expect(storeClient.pendingStatusRequests()).toBe(1);
    storeClient.answerStatus();
    await settle();
    expect(storeClient.pendingStatusRequests()).toBe(0);
  });

  it('stops listening when disconnected', async () => {
    const disconnect = connect();
    disconnect();
    expect(fake.listenerCount()).toBe(0);
    fake.sendMenuCommand('navigate-peers');
    storeClient.becomeReady();
    await settle();
    expect(store.getState().view).toBe('sync');
    expect(recorder.events).toEqual([]);
  });
});
