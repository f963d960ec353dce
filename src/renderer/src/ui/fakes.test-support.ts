/** Fakes of main's API and the store client, for tests of the shell's logic. */
import type { Api, MenuCommand, SettingsPatch, SettingsView } from '../../../shared/ipc';
import type { SyncProgress } from '../../../shared/sync';
import type { HistoryImportProgress } from '../../../shared/history/protocol';
import type { AppEventName } from './bridge/app-events';
import type { StoreClient } from './store-client/client';
import type { StoreStatus } from '../protocol/messages';
import { PDB_TYPES, type PdbType } from '../../../shared/peeringdb';

export const SETTINGS: SettingsView = {
  baseUrl: 'https://www.peeringdb.com/api',
  baseUrlFromEnv: false,
  hasApiKey: false,
  apiKeyHost: null,
  apiKeyInUse: false,
  keyStorageAvailable: true,
  dailySync: false,
};

type Listener<T> = (value: T) => void;

export function createFakeApi() {
  const menuListeners = new Set<Listener<MenuCommand>>();
  const progressListeners = new Set<Listener<SyncProgress>>();
  const settingsListeners = new Set<Listener<SettingsView>>();
  const historyListeners = new Set<Listener<HistoryImportProgress>>();
  const calls: { method: string; args: unknown[] }[] = [];
  let settings = { ...SETTINGS };
  const behaviour = {
    startSync: async (): Promise<{ started: boolean; reason?: string }> => ({ started: true }),
    cancelSync: async () => ({ cancelled: true }),
    importDump: async (): Promise<{ started: boolean; reason?: string }> => ({ started: true }),
    importHistory: async (): Promise<{ started: boolean; reason?: string }> => ({ started: true }),
    confirmFlush: async () => ({ confirmed: true }),
    takeLegacyUserData: async (): Promise<{ backup: string | null }> => ({ backup: null }),
    setSettings: async (patch: SettingsPatch): Promise<SettingsView> => {
      settings = {
        ...settings,
        ...(patch.baseUrl !== undefined ? { baseUrl: patch.baseUrl } : {}),
        ...(patch.apiKey !== undefined
          ? { hasApiKey: patch.apiKey !== null, apiKeyInUse: patch.apiKey !== null, apiKeyHost: patch.apiKey === null ? null : 'www.peeringdb.com' }
          : {}),
        ...(patch.dailySync !== undefined ? { dailySync: patch.dailySync } : {}),
      };
      return settings;
    },
  };
  const record =
    <A extends unknown[], R>(method: string, run: () => (...args: A) => R) =>
    (...args: A): R => {
      calls.push({ method, args });
      return run()(...args);
    };
  const subscribe =
    <T>(set: Set<Listener<T>>) =>
    (listener: Listener<T>) => {
      set.add(listener);
      return () => set.delete(listener);
    };
  const api: Api = {
    appInfo: async () => ({ name: 'Peering Assistant', version: '0.0.0', shell: 'harness' }),
    getSettings: record('getSettings', () => async () => settings),
    setSettings: record('setSettings', () => behaviour.setSettings),
    startSync: record('startSync', () => behaviour.startSync),
    cancelSync: record('cancelSync', () => behaviour.cancelSync),
    importDump: record('importDump', () => behaviour.importDump),
    importHistory: record('importHistory', () => behaviour.importHistory),
    cancelHistoryImport: async () => ({ cancelled: false }),
    confirmFlush: record('confirmFlush', () => behaviour.confirmFlush),
    saveExport: async () => ({ saved: false }),
    openBackup: async () => ({ opened: false }),
    takeLegacyUserData: record('takeLegacyUserData', () => behaviour.takeLegacyUserData),
    legacyUserDataImported: record('legacyUserDataImported', () => async () => ({ recorded: true })),
    openExternal: async () => ({ opened: false }),
    openDraft: async () => ({ opened: false, reason: 'No mail program in this test.' }),
    onMenuCommand: subscribe(menuListeners),
    onSyncProgress: subscribe(progressListeners),
    onSettingsChanged: subscribe(settingsListeners),
    onHistoryProgress: subscribe(historyListeners),
  };
  return {
    api,
    calls,
    behaviour,
    callsTo: (method: string) => calls.filter((call) => call.method === method),
    sendMenuCommand: (command: MenuCommand) => menuListeners.forEach((listener) => listener(command)),
    sendProgress: (progress: SyncProgress) => progressListeners.forEach((listener) => listener(progress)),
    sendSettings: (view: SettingsView) => settingsListeners.forEach((listener) => listener(view)),
    sendHistoryProgress: (progress: HistoryImportProgress) => historyListeners.forEach((listener) => listener(progress)),
    listenerCount: () => menuListeners.size + progressListeners.size + settingsListeners.size + historyListeners.size,
  };
}

/** A store status with these counts; every type counts as loaded unless `loadedTypes` says otherwise. */
export function storeStatus(
  counts: Partial<Record<PdbType, number>> = {},
  dataVersion = 1,
  loadedTypes: PdbType[] = [...PDB_TYPES],
): StoreStatus {
  const all = Object.fromEntries(PDB_TYPES.map((type) => [type, counts[type] ?? 0])) as Record<PdbType, number>;
  return { counts: all, watermarks: {}, lastSyncAt: null, recentChanges: [], dataVersion, loadedTypes };
}

export function createFakeStoreClient(initial: StoreStatus = storeStatus()) {
  const changeListeners = new Set<(dataVersion: number) => void>();
  const attached: { port: MessagePort; jobId: string }[] = [];
  let current = initial;
  let flushes = 0;
  const pendingStatus: ((status: StoreStatus) => void)[] = [];
  let resolveReady!: (status: StoreStatus) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<StoreStatus>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const client: StoreClient = {
    ready,
    query: () => Promise.reject(new Error('not used here')),
    command: () => Promise.reject(new Error('not used here')),
    // Answers wait until the test releases them, so tests control overlap.
    status: () => new Promise<StoreStatus>((resolve) => pendingStatus.push(resolve)),
    flush: async () => {
      flushes++;
    },
    attachSyncPort: (port, jobId) => attached.push({ port, jobId }),
    onChanged: (listener) => {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
  };
  return {
    client,
    attached,
    flushCount: () => flushes,
    becomeReady: () => resolveReady(current),
    failToStart: (error: Error) => rejectReady(error),
    setStatus: (status: StoreStatus) => {
      current = status;
    },
    pendingStatusRequests: () => pendingStatus.length,
    answerStatus: () => pendingStatus.shift()?.(current),
    change: (dataVersion: number) => changeListeners.forEach((listener) => listener(dataVersion)),
  };
}

export function recordEvents() {
  const events: { name: AppEventName; detail?: unknown }[] = [];
  return {
    events,
    emit: (name: AppEventName, detail?: unknown) => events.push({ name, detail }),
    names: () => events.map((event) => event.name),
  };
}

export function progress(partial: Partial<SyncProgress> & Pick<SyncProgress, 'phase'>): SyncProgress {
  return {
    jobId: 'job-1',
    source: 'api',
    types: {},
    fetchedRows: 0,
    storedRows: 0,
    bytes: 0,
    startedAt: 1_000,
    ...partial,
  };
}
