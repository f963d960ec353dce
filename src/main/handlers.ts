/**
 * One handler per channel of the IPC contract. Free of Electron on purpose: the app registers
 * these with ipcMain (src/main/ipc.ts) and the e2e harness serves the same functions to a
 * plain Chromium page, each with its own MainDeps.
 */
import { z } from 'zod';
import {
  exportSaveSchema,
  openExternalSchema,
  settingsPatchSchema,
  syncStartSchema,
  type AppInfo,
  type EventChannel,
  type EventMap,
  type ExportSaveRequest,
  type InvokeChannel,
  type InvokeResponse,
} from '../shared/ipc';
import type { SettingsStore } from './settings';
import type { SyncController } from './sync/types';
import type { HistoryImporter } from './history/import';
import { isSafeExternalUrl } from './security-policy';

/** A backup of the user's own tables is small; anything larger is not one. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

export interface Dialogs {
  /** The path the user chose, or null when they cancelled. */
  saveFile(suggestedName: string, format: ExportSaveRequest['format']): Promise<string | null>;
  openDump(): Promise<string | null>;
  /** Several dump files at once, for history; null when the user cancelled. */
  openDumps(): Promise<string[] | null>;
  openBackup(): Promise<string | null>;
  /** Whether the user confirmed emptying the local PeeringDB copy. */
  confirmFlush(): Promise<boolean>;
}

export interface FileAccess {
  writeText(path: string, text: string): Promise<void>;
  /** Rejects with a clear message when the file is larger than maxBytes. */
  readText(path: string, maxBytes: number): Promise<string>;
}

export interface MainDeps {
  settings: SettingsStore;
  sync: SyncController;
  history: HistoryImporter;
  dialogs: Dialogs;
  files: FileAccess;
  openExternal(url: string): boolean | Promise<boolean>;
  appInfo: AppInfo;
  broadcast<E extends EventChannel>(channel: E, payload: EventMap[E]): void;
}

export type Handlers = {
  [C in InvokeChannel]: (payload: unknown) => Promise<InvokeResponse<C>>;
};

/** A request whose payload does not match the contract; the message names what is wrong. */
export class PayloadError extends Error {
  override name = 'PayloadError';
}

function parsePayload<S extends z.ZodType>(channel: InvokeChannel, schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issues = result.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw new PayloadError(`Invalid request on '${channel}': ${issues}`);
}

function expectNoPayload(channel: InvokeChannel, payload: unknown): void {
  if (payload !== undefined && payload !== null) {
    throw new PayloadError(`Invalid request on '${channel}': it takes no arguments`);
  }
}

export function createHandlers(deps: MainDeps): Handlers {
  const { settings, sync, dialogs, files } = deps;

  return {
    'app:info': async (payload) => {
      expectNoPayload('app:info', payload);
      return { ...deps.appInfo };
    },

    'settings:get': async (payload) => {
      expectNoPayload('settings:get', payload);
      return settings.view();
    },

    'settings:set': async (payload) => {
      const patch = parsePayload('settings:set', settingsPatchSchema, payload);
      const hadKey = settings.view().hasApiKey;
      const view = settings.update(patch);
      deps.broadcast('settings:changed', view);
      // Contacts visible only to users were skipped while there was no key: fetch them now.
      if (!hadKey && view.hasApiKey && !sync.running) sync.start('api-key');
      return view;
    },

    'sync:start': async (payload) => {
      const { reason } = parsePayload('sync:start', syncStartSchema, payload ?? {});
      return sync.start(reason);
    },

    'sync:cancel': async (payload) => {
      expectNoPayload('sync:cancel', payload);
      return { cancelled: sync.cancel() };
    },

    'dump:import': async (payload) => {
      expectNoPayload('dump:import', payload);
      if (sync.running) return { started: false, reason: 'A sync is already running.' };
      const path = await dialogs.openDump();
      if (path === null) return { started: false, reason: 'No file was chosen.' };
      return sync.importDump(path);
    },

    'history:import': async (payload) => {
      expectNoPayload('history:import', payload);
      if (deps.history.running) return { started: false, reason: 'Dumps are already being imported into history.' };
      const paths = await dialogs.openDumps();
      if (paths === null || paths.length === 0) return { started: false };
      return deps.history.start(paths);
    },

    'history:cancel': async (payload) => {
      expectNoPayload('history:cancel', payload);
      return { cancelled: deps.history.cancel() };
    },

    'flush:confirm': async (payload) => {
      expectNoPayload('flush:confirm', payload);
      const confirmed = await dialogs.confirmFlush();
      // A running sync would write rows back into the tables about to be emptied.
      if (confirmed && sync.running) {
        sync.cancel();
        await sync.idle();
      }
      return { confirmed };
    },

    'export:save': async (payload) => {
      const request = parsePayload('export:save', exportSaveSchema, payload);
      const path = await dialogs.saveFile(request.suggestedName, request.format);
      if (path === null) return { saved: false };
      await files.writeText(path, request.content);
      return { saved: true, path };
    },

    'backup:open': async (payload) => {
      expectNoPayload('backup:open', payload);
      const path = await dialogs.openBackup();
      if (path === null) return { opened: false };
      const content = await files.readText(path, MAX_BACKUP_BYTES);
      return { opened: true, path, content };
    },

    'external:open': async (payload) => {
      const { url } = parsePayload('external:open', openExternalSchema, payload);
      if (!isSafeExternalUrl(url)) return { opened: false };
      // eslint-disable-next-line no-restricted-syntax -- deps.openExternal is openExternalSafely in the app
      return { opened: await deps.openExternal(url) };
    },
  };
}
