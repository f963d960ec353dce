/**
 * The one IPC contract: what each channel carries, and `IPC_METHODS`, the table of
 * `window.api`'s methods. The preload builds `window.api` from the table, main registers a
 * handler per invoke channel of it, and the e2e harness gives the table to a plain Chromium
 * page as JSON. Nothing but types is imported here: the sandboxed preload bundles this file,
 * so the schemas that check payloads live in ipc-schemas.ts, keyed by channel.
 */
import type { DraftOpenRequest, ExportSaveRequest, OpenExternalRequest, SettingsPatch, SyncStartRequest } from './ipc-schemas';
import type { HistoryImportProgress } from './history/protocol';
import type { SyncProgress } from './sync';

// The payloads are the schemas' types; users of the contract take them from here, with no
// validation library in tow.
export type { DraftOpenRequest, ExportSaveRequest, OpenExternalRequest, SettingsPatch, SyncStartRequest };

/** Where the app syncs from unless the user or PEERINGDB_URL says otherwise. */
export const DEFAULT_BASE_URL = 'https://www.peeringdb.com/api';

/** What the renderer may know about settings. The API key itself never leaves main. */
export interface SettingsView {
  baseUrl: string;
  /** True when PEERINGDB_URL overrides the saved base URL for this run. */
  baseUrlFromEnv: boolean;
  /** An API key is stored (for some host: see apiKeyHost). */
  hasApiKey: boolean;
  /** The host the stored key is sent to, e.g. www.peeringdb.com; null without a key. */
  apiKeyHost: string | null;
  /** Syncs from baseUrl send the key: it was saved for that host, which is on HTTPS. */
  apiKeyInUse: boolean;
  /** False where the OS offers no secret storage; the key is then not saved. */
  keyStorageAvailable: boolean;
  dailySync: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  /** Which shell serves the contract: the Electron app, or the Chromium test harness. */
  shell: 'electron' | 'harness';
}

export type SaveResult = { saved: true; path: string } | { saved: false };
export type OpenTextResult = { opened: true; path: string; content: string } | { opened: false };
export type DraftOpenResult = { opened: true; path: string } | { opened: false; reason: string };

/** Requests from the renderer, answered by main. Key = channel name; the argument is the payload. */
export interface InvokeMap {
  'app:info': () => AppInfo;
  'settings:get': () => SettingsView;
  'settings:set': (patch: SettingsPatch) => SettingsView;
  'sync:start': (request?: SyncStartRequest) => { started: boolean; reason?: string };
  'sync:cancel': () => { cancelled: boolean };
  'dump:import': () => { started: boolean; reason?: string };
  /** Dump files of past dates, chosen in one dialog, go into history only. */
  'history:import': () => { started: boolean; reason?: string };
  'history:cancel': () => { cancelled: boolean };
  'flush:confirm': () => { confirmed: boolean };
  'export:save': (request: ExportSaveRequest) => SaveResult;
  'backup:open': () => OpenTextResult;
  /** The user data of version 0.1.0 as a backup file's text, once, or null (see src/main/legacy-user-data.ts). */
  'legacy-data:take': () => { backup: string | null };
  /** The page imported it: main does not offer it again. */
  'legacy-data:imported': () => { recorded: boolean };
  'external:open': (request: OpenExternalRequest) => { opened: boolean };
  /** A peering request opened in the mail program as an .eml file that main writes. */
  'draft:open': (request: DraftOpenRequest) => DraftOpenResult;
}
export type InvokeChannel = keyof InvokeMap;
export type InvokeResponse<C extends InvokeChannel> = ReturnType<InvokeMap[C]>;

/** Commands the native menu sends to the renderer. */
export const MENU_COMMANDS = [
  'sync-now',
  'cancel-sync',
  'import-dump',
  'import-history',
  'export-contacts',
  'flush',
  'settings',
  'navigate-sync',
  'navigate-networks',
  'navigate-compare',
  'navigate-peers',
  'navigate-search',
  'navigate-contacts',
  'navigate-requests',
  'navigate-sessions',
  'navigate-changes',
  'navigate-statistics',
  'focus-search',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events main pushes to the renderer. Key = channel name. */
export interface EventMap {
  'menu:command': MenuCommand;
  'sync:progress': SyncProgress;
  'settings:changed': SettingsView;
  'history:progress': HistoryImportProgress;
}
export type EventChannel = keyof EventMap;

export type IpcMethod =
  | { readonly kind: 'invoke'; readonly channel: InvokeChannel }
  | { readonly kind: 'event'; readonly channel: EventChannel };

/**
 * `window.api`, one method per channel. An invoke method sends its one argument as the
 * channel's payload and resolves with main's answer; an event method subscribes a listener
 * and returns the unsubscribe. Plain data on purpose: the harness receives it as JSON.
 */
export const IPC_METHODS = {
  appInfo: { kind: 'invoke', channel: 'app:info' },
  getSettings: { kind: 'invoke', channel: 'settings:get' },
  setSettings: { kind: 'invoke', channel: 'settings:set' },
  startSync: { kind: 'invoke', channel: 'sync:start' },
  cancelSync: { kind: 'invoke', channel: 'sync:cancel' },
  importDump: { kind: 'invoke', channel: 'dump:import' },
  importHistory: { kind: 'invoke', channel: 'history:import' },
  cancelHistoryImport: { kind: 'invoke', channel: 'history:cancel' },
  confirmFlush: { kind: 'invoke', channel: 'flush:confirm' },
  saveExport: { kind: 'invoke', channel: 'export:save' },
  openBackup: { kind: 'invoke', channel: 'backup:open' },
  takeLegacyUserData: { kind: 'invoke', channel: 'legacy-data:take' },
  legacyUserDataImported: { kind: 'invoke', channel: 'legacy-data:imported' },
  openExternal: { kind: 'invoke', channel: 'external:open' },
  openDraft: { kind: 'invoke', channel: 'draft:open' },
  onMenuCommand: { kind: 'event', channel: 'menu:command' },
  onSyncProgress: { kind: 'event', channel: 'sync:progress' },
  onSettingsChanged: { kind: 'event', channel: 'settings:changed' },
  onHistoryProgress: { kind: 'event', channel: 'history:progress' },
} as const satisfies Record<string, IpcMethod>;
export type IpcMethodName = keyof typeof IPC_METHODS;

type MethodsOfKind<K extends IpcMethod['kind']> = Extract<(typeof IPC_METHODS)[IpcMethodName], { kind: K }>;
type Unserved = Exclude<InvokeChannel, MethodsOfKind<'invoke'>['channel']> | Exclude<EventChannel, MethodsOfKind<'event'>['channel']>;
type Assert<T extends true> = T;
// A channel added to InvokeMap or EventMap without a method would get no handler registered
// and no way in from the page: it fails to compile here instead.
type _EveryChannelHasAMethod = Assert<[Unserved] extends [never] ? true : false>;

type MethodFor<M extends IpcMethod> = M extends { kind: 'invoke'; channel: infer C extends InvokeChannel }
  ? (...payload: Parameters<InvokeMap[C]>) => Promise<InvokeResponse<C>>
  : M extends { kind: 'event'; channel: infer E extends EventChannel }
    ? (listener: (payload: EventMap[E]) => void) => () => void
    : never;

/** The API the preload exposes as `window.api`, derived from the table. */
export type Api = { [N in IpcMethodName]: MethodFor<(typeof IPC_METHODS)[N]> };

/** Channel on which main hands the renderer the MessagePort of a sync job (see sync.ts). */
export const SYNC_PORT_CHANNEL = 'sync:port';
/** `window.postMessage` kind under which the preload passes that port to the page. */
export const SYNC_PORT_MESSAGE = 'peering-assistant:sync-port';
