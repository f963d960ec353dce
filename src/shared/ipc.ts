/**
 * The one IPC contract. The preload implements `Api` method by method (one channel each),
 * main registers a handler per `InvokeMap` key, and the e2e harness serves the same handlers
 * to a plain Chromium page. Payload schemas live here so main validates what it receives.
 */
import { z } from 'zod';
import type { HistoryImportProgress } from './history/protocol';
import type { SyncProgress } from './sync';

export const settingsPatchSchema = z
  .object({
    baseUrl: z
      .string()
      .trim()
      .max(2048)
      .refine((value) => {
        try {
          const url = new URL(value);
          return url.protocol === 'https:' || url.protocol === 'http:';
        } catch {
          return false;
        }
      }, 'The PeeringDB URL must be an http(s) address')
      .optional(),
    /** A new API key; null removes the stored key. */
    apiKey: z.string().trim().max(256).nullable().optional(),
    dailySync: z.boolean().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Where the app syncs from unless the user or PEERINGDB_URL says otherwise. */
export const DEFAULT_BASE_URL = 'https://www.peeringdb.com/api';

/** What the renderer may know about settings. The API key itself never leaves main. */
export interface SettingsView {
  baseUrl: string;
  /** True when PEERINGDB_URL overrides the saved base URL for this run. */
  baseUrlFromEnv: boolean;
  hasApiKey: boolean;
  /** False where the OS offers no secret storage; the key is then not saved. */
  keyStorageAvailable: boolean;
  dailySync: boolean;
}

export const syncStartSchema = z
  .object({
    reason: z.enum(['user', 'menu', 'schedule', 'api-key']).default('user'),
  })
  .strict();
export type SyncStartRequest = z.input<typeof syncStartSchema>;

export const exportSaveSchema = z
  .object({
    format: z.enum(['csv', 'vcf', 'json']),
    suggestedName: z.string().min(1).max(200),
    content: z.string().max(200 * 1024 * 1024),
  })
  .strict();
export type ExportSaveRequest = z.infer<typeof exportSaveSchema>;

export const openExternalSchema = z.object({ url: z.string().max(8192) }).strict();

export interface AppInfo {
  name: string;
  version: string;
  /** Which shell serves the contract: the Electron app, or the Chromium test harness. */
  shell: 'electron' | 'harness';
}

export type SaveResult = { saved: true; path: string } | { saved: false };
export type OpenTextResult = { opened: true; path: string; content: string } | { opened: false };

/** Requests from the renderer, answered by main. Key = channel name. */
export interface InvokeMap {
  'app:info': () => AppInfo;
  'settings:get': () => SettingsView;
  'settings:set': (patch: SettingsPatch) => SettingsView;
  'sync:start': (req: SyncStartRequest) => { started: boolean; reason?: string };
  'sync:cancel': () => { cancelled: boolean };
  'dump:import': () => { started: boolean; reason?: string };
  /** Dump files of past dates, chosen in one dialog, go into history only. */
  'history:import': () => { started: boolean; reason?: string };
  'history:cancel': () => { cancelled: boolean };
  'flush:confirm': () => { confirmed: boolean };
  'export:save': (req: ExportSaveRequest) => SaveResult;
  'backup:open': () => OpenTextResult;
  'external:open': (req: { url: string }) => { opened: boolean };
}
export type InvokeChannel = keyof InvokeMap;
export type InvokeRequest<C extends InvokeChannel> = Parameters<InvokeMap[C]> extends [infer R] ? R : void;
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

/** Channel on which main hands the renderer the MessagePort of a sync job (see sync.ts). */
export const SYNC_PORT_CHANNEL = 'sync:port';
/** `window.postMessage` kind under which the preload passes that port to the page. */
export const SYNC_PORT_MESSAGE = 'peering-assistant:sync-port';

/** The API the preload exposes as `window.api`: one method per channel. */
export interface Api {
  appInfo(): Promise<AppInfo>;
  getSettings(): Promise<SettingsView>;
  setSettings(patch: SettingsPatch): Promise<SettingsView>;
  startSync(req?: SyncStartRequest): Promise<{ started: boolean; reason?: string }>;
  cancelSync(): Promise<{ cancelled: boolean }>;
  importDump(): Promise<{ started: boolean; reason?: string }>;
  importHistory(): Promise<{ started: boolean; reason?: string }>;
  cancelHistoryImport(): Promise<{ cancelled: boolean }>;
  confirmFlush(): Promise<{ confirmed: boolean }>;
  saveExport(req: ExportSaveRequest): Promise<SaveResult>;
  openBackup(): Promise<OpenTextResult>;
  openExternal(url: string): Promise<{ opened: boolean }>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onSyncProgress(listener: (progress: SyncProgress) => void): () => void;
  onSettingsChanged(listener: (settings: SettingsView) => void): () => void;
  onHistoryProgress(listener: (progress: HistoryImportProgress) => void): () => void;
}
