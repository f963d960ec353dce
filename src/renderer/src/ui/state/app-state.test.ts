import { beforeEach, describe, expect, it } from 'vitest';
import { progress, storeStatus } from '../fakes.test-support';
import { isCopyEmpty } from './copy-slice';
import { createAppState } from './app-state';

let store: ReturnType<typeof createAppState>;
beforeEach(() => {
  store = createAppState();
});

describe('ui slice', () => {
  it('starts on the Sync screen and navigates', () => {
    expect(store.getState().view).toBe('sync');
    store.getState().navigate('peers');
    expect(store.getState().view).toBe('peers');
  });

  it('keeps a focus request until it is handed off', () => {
    store.getState().requestFocus('search');
    expect(store.getState().focusRequest).toBe('search');
    store.getState().clearFocusRequest();
    expect(store.getState().focusRequest).toBeNull();
  });

  it('shows one notice at a time, each with its own id', () => {
    store.getState().showNotice('info', 'first');
    const first = store.getState().notice!;
    store.getState().showNotice('error', 'second');
    const second = store.getState().notice!;
    expect(second).toMatchObject({ tone: 'error', text: 'second' });
    expect(second.id).not.toBe(first.id);
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
  });

  it('dismisses a notice by its id only while it is the one shown', () => {
    const first = store.getState().showNotice('info', 'first');
    store.getState().showNotice('success', 'second');
    store.getState().dismissNotice(first);
    expect(store.getState().notice?.text).toBe('second');
  });

  it('keeps the Undo of a notice, and clears notices when the user moves on', () => {
    let undone = 0;
    store.getState().showNotice('success', 'Marked', { label: 'Undo', run: () => void undone++ });
    void store.getState().notice?.action?.run();
    expect(undone).toBe(1);
    store.getState().navigate('peers');
    expect(store.getState().notice).toBeNull();
    store.getState().showNotice('error', 'failed');
    store.getState().openPage({ kind: 'net', id: 1 });
    expect(store.getState().notice).toBeNull();
    store.getState().showNotice('info', 'on the page');
    store.getState().closePage();
    expect(store.getState().notice).toBeNull();
  });
});

describe('sync slice', () => {
  it('is running while the job starts, fetches and stores, and not after it ends', () => {
    const phases = [
      ['starting', true],
      ['fetching', true],
      ['storing', true],
      ['done', false],
    ] as const;
    for (const [phase, running] of phases) {
      store.getState().applySyncProgress(progress({ phase }));
      expect(store.getState().syncRunning, phase).toBe(running);
    }
    expect(store.getState().syncProgress?.phase).toBe('done');
  });

  it('records the failure of a job with its code and message', () => {
    store.getState().applySyncProgress(progress({ phase: 'fetching' }));
    store.getState().applySyncProgress(progress({ phase: 'error', code: 'auth', message: 'HTTP 401' }));
    expect(store.getState().syncRunning).toBe(false);
    expect(store.getState().syncError).toEqual({ code: 'auth', message: 'HTTP 401', source: 'api' });
  });

  it('clears an old failure when a new job starts', () => {
    store.getState().applySyncProgress(progress({ phase: 'error', code: 'network', message: 'offline' }));
    store.getState().applySyncProgress(progress({ jobId: 'job-2', phase: 'starting' }));
    expect(store.getState().syncError).toBeNull();
  });

  it('keeps a failure visible when a later job is cancelled', () => {
    store.getState().applySyncProgress(progress({ phase: 'error', code: 'timeout', message: 'slow' }));
    store.getState().applySyncProgress(progress({ jobId: 'job-2', phase: 'cancelled' }));
    expect(store.getState().syncError?.code).toBe('timeout');
  });

  it('goes back to idle when a requested start is refused, but not while another job runs', () => {
    store.getState().markSyncRequested();
    expect(store.getState().syncRunning).toBe(true);
    store.getState().markSyncNotStarted({ message: 'refused' });
    expect(store.getState().syncRunning).toBe(false);
    expect(store.getState().syncError?.message).toBe('refused');

    store.getState().applySyncProgress(progress({ phase: 'fetching' }));
    store.getState().markSyncNotStarted({ message: 'A sync is already running' });
    expect(store.getState().syncRunning).toBe(true);
  });
});

describe('copy slice', () => {
  it('never replaces a newer status with an older answer', () => {
    store.getState().setCopyStatus(storeStatus({ net: 5 }, 7));
    store.getState().setCopyStatus(storeStatus({ net: 3 }, 6));
    expect(store.getState().copyStatus?.counts.net).toBe(5);
    store.getState().setCopyStatus(storeStatus({ net: 9 }, 8));
    expect(store.getState().copyStatus?.counts.net).toBe(9);
  });

  it('calls a copy empty only when every type has no rows', () => {
    expect(isCopyEmpty(storeStatus())).toBe(true);
    expect(isCopyEmpty(storeStatus({ poc: 1 }))).toBe(false);
  });
});

describe('discovery slice', () => {
  it('remembers each member list’s filters apart', () => {
    store.getState().setMemberFilters('peers', { policies: ['Open'] });
    store.getState().setMemberFilters('ix:7', { rsPeer: 'yes' });
    store.getState().navigate('search');
    expect(store.getState().memberFilters.peers).toEqual({ policies: ['Open'] });
    expect(store.getState().memberFilters['ix:7']).toEqual({ rsPeer: 'yes' });
    expect(store.getState().memberFilters['fac:7']).toBeUndefined();
  });
});

describe('settings slice', () => {
  it('holds what main answered and clears a load error', () => {
    store.getState().setSettingsLoadError('main did not answer');
    store.getState().setSettings({
      baseUrl: 'https://pdb.example/api',
      baseUrlFromEnv: true,
      hasApiKey: true,
      apiKeyHost: 'pdb.example',
      apiKeyInUse: true,
      keyStorageAvailable: true,
      dailySync: true,
    });
    expect(store.getState().settings?.baseUrl).toBe('https://pdb.example/api');
    expect(store.getState().settingsLoadError).toBeNull();
  });
});
