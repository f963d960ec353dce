import { beforeEach, describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../../../shared/ipc';
import { createAppState } from '../state/app-state';
import type { ViewId } from '../state/views';
import { FLUSHED_MESSAGE, type ActionDeps } from './actions';
import { runMenuCommand } from './menu-commands';
import { createFakeApi, recordEvents } from '../fakes.test-support';

let fake: ReturnType<typeof createFakeApi>;
let store: ReturnType<typeof createAppState>;
let recorder: ReturnType<typeof recordEvents>;
let flushes: number;
let deps: ActionDeps;

beforeEach(() => {
  fake = createFakeApi();
  store = createAppState();
  recorder = recordEvents();
  flushes = 0;
  deps = {
    api: fake.api,
    store,
    emit: recorder.emit,
    flushCopy: async () => {
      flushes++;
    },
  };
});

describe('menu commands', () => {
  it.each<[MenuCommand, ViewId]>([
    ['navigate-sync', 'sync'],
    ['navigate-networks', 'networks'],
    ['navigate-compare', 'compare'],
    ['navigate-peers', 'peers'],
    ['navigate-search', 'search'],
    ['navigate-contacts', 'contacts'],
    ['navigate-requests', 'requests'],
    ['navigate-sessions', 'sessions'],
    ['navigate-changes', 'changes'],
    ['navigate-statistics', 'statistics'],
    ['export-contacts', 'contacts'],
    ['settings', 'settings'],
  ])('%s opens the %s screen', async (command, view) => {
    store.getState().navigate(view === 'sync' ? 'settings' : 'sync');
    await runMenuCommand(command, deps);
    expect(store.getState().view).toBe(view);
    expect(fake.calls).toEqual([]);
  });

  it('sync-now asks main for a sync started from the menu', async () => {
    await runMenuCommand('sync-now', deps);
    expect(fake.callsTo('startSync')).toEqual([{ method: 'startSync', args: [{ reason: 'menu' }] }]);
    expect(store.getState().syncRunning).toBe(true);
  });

  it('sync-now shows why main refused', async () => {
    fake.behaviour.startSync = async () => ({ started: false, reason: 'No network' });
    await runMenuCommand('sync-now', deps);
    expect(store.getState().syncRunning).toBe(false);
    expect(store.getState().syncError?.message).toBe('No network');
  });

  it('import-history asks main for dumps of past dates and shows the Statistics screen', async () => {
    await runMenuCommand('import-history', deps);
    expect(fake.callsTo('importHistory')).toHaveLength(1);
    expect(store.getState().view).toBe('statistics');
  });

  it('import-history says why main did not start, and stays where it was', async () => {
    fake.behaviour.importHistory = async () => ({ started: false, reason: 'Dumps are already being imported into history.' });
    await runMenuCommand('import-history', deps);
    expect(store.getState().view).toBe('sync');
    expect(store.getState().notice?.text).toBe('Dumps are already being imported into history.');
  });

  it('cancel-sync asks main to cancel', async () => {
    await runMenuCommand('cancel-sync', deps);
    expect(fake.callsTo('cancelSync')).toHaveLength(1);
  });

  it('import-dump asks main for the file and says nothing when the dialog was closed', async () => {
    fake.behaviour.importDump = async () => ({ started: false });
    await runMenuCommand('import-dump', deps);
    expect(fake.callsTo('importDump')).toHaveLength(1);
    expect(store.getState().notice).toBeNull();
  });

  it('flush empties the copy after the user confirmed, and says what was kept', async () => {
    await runMenuCommand('flush', deps);
    expect(fake.callsTo('confirmFlush')).toHaveLength(1);
    expect(flushes).toBe(1);
    expect(store.getState().notice).toMatchObject({ tone: 'success', text: FLUSHED_MESSAGE });
    expect(recorder.names()).toEqual(['flushed']);
  });

  it('flush does nothing when the user declines', async () => {
    fake.behaviour.confirmFlush = async () => ({ confirmed: false });
    await runMenuCommand('flush', deps);
    expect(flushes).toBe(0);
    expect(recorder.names()).toEqual([]);
  });

  it('flush is refused while a sync writes to the copy', async () => {
    store.getState().markSyncRequested();
    await runMenuCommand('flush', deps);
    expect(fake.callsTo('confirmFlush')).toHaveLength(0);
    expect(flushes).toBe(0);
    expect(store.getState().notice?.tone).toBe('error');
  });

  it('focus-search opens Search and asks for its input to be focused', async () => {
    await runMenuCommand('focus-search', deps);
    expect(store.getState().view).toBe('search');
    expect(store.getState().focusRequest).toBe('search');
  });

  it('handles every command of the contract', async () => {
    for (const command of MENU_COMMANDS) {
      await expect(runMenuCommand(command, deps), command).resolves.toBeUndefined();
    }
  });
});
