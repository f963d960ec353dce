import { beforeEach, describe, expect, it } from 'vitest';
import { createAppState } from '../state/app-state';
import { cancelSync, flushCopy, importDump, saveSettings, startSync, type ActionDeps } from './actions';
import { createFakeApi, recordEvents } from '../fakes.test-support';

let fake: ReturnType<typeof createFakeApi>;
let store: ReturnType<typeof createAppState>;
let recorder: ReturnType<typeof recordEvents>;
let deps: ActionDeps;

beforeEach(() => {
  fake = createFakeApi();
  store = createAppState();
  recorder = recordEvents();
  deps = { api: fake.api, store, emit: recorder.emit, flushCopy: async () => undefined };
});

describe('startSync', () => {
  it('does not ask main again while a sync runs', async () => {
    store.getState().markSyncRequested();
    await startSync(deps, 'user');
    expect(fake.callsTo('startSync')).toHaveLength(0);
    expect(store.getState().notice?.text).toMatch(/already running/);
  });

  it('reports a failed request as a sync error', async () => {
    fake.behaviour.startSync = () => Promise.reject(new Error("Error invoking remote method 'sync:start': Error: boom"));
    await startSync(deps, 'user');
    expect(store.getState().syncError?.message).toBe('boom');
    expect(store.getState().syncRunning).toBe(false);
  });
});

describe('cancelSync and importDump', () => {
  it('says so when there was nothing to cancel', async () => {
    fake.behaviour.cancelSync = async () => ({ cancelled: false });
    await cancelSync(deps);
    expect(store.getState().notice?.text).toBe('No sync is running.');
  });

  it("shows main's reason when an import did not start", async () => {
    fake.behaviour.importDump = async () => ({ started: false, reason: 'A sync is already running' });
    await importDump(deps);
    expect(store.getState().notice?.text).toBe('A sync is already running');
  });
});

describe('flushCopy', () => {
  it('reports a failure of the store and does not claim success', async () => {
    deps.flushCopy = () => Promise.reject(new Error('database closed'));
    expect(await flushCopy(deps)).toBe(false);
    expect(store.getState().notice).toMatchObject({ tone: 'error' });
    expect(store.getState().notice?.text).toMatch(/database closed/);
    expect(recorder.names()).toEqual([]);
  });
});

describe('saveSettings', () => {
  it('refuses a URL that is not http(s) without asking main', async () => {
    const result = await saveSettings(deps, { baseUrl: 'ftp://example.net' });
    expect(result).toEqual({ ok: false, error: 'The PeeringDB URL must be an http(s) address' });
    expect(fake.callsTo('setSettings')).toHaveLength(0);
    expect(recorder.names()).toEqual([]);
  });

  it('saves through main, keeps what main answered and announces it', async () => {
    const result = await saveSettings(deps, { baseUrl: ' https://pdb.example/api ', dailySync: true });
    expect(fake.callsTo('setSettings')[0]?.args).toEqual([{ baseUrl: 'https://pdb.example/api', dailySync: true }]);
    expect(result.ok).toBe(true);
    expect(store.getState().settings).toMatchObject({ baseUrl: 'https://pdb.example/api', dailySync: true });
    expect(recorder.names()).toEqual(['settings-saved']);
  });

  it("shows main's refusal inline and keeps the previous settings", async () => {
    const before = await fake.api.getSettings();
    store.getState().setSettings(before);
    fake.behaviour.setSettings = () =>
      Promise.reject(new Error("Error invoking remote method 'settings:set': Error: The API key could not be stored"));
    const result = await saveSettings(deps, { apiKey: 'secret' });
    expect(result).toEqual({ ok: false, error: 'The API key could not be stored' });
    expect(store.getState().settings).toEqual(before);
  });
});
