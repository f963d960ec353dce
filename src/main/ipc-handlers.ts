/**
 * One handler per channel of the IPC contract. Free of Electron on purpose: the app registers
 * these with ipcMain (ipc-registration.ts) and the e2e harness serves the same functions to a
 * plain Chromium page, each with its own MainDeps.
 */
import type {
  AppInfo,
  EventChannel,
  EventMap,
  ExportSaveRequest,
  InvokeChannel,
  InvokeResponse,
} from '../shared/ipc';
import { INVOKE_PAYLOAD_SCHEMAS, type ValidRequest } from '../shared/ipc-schemas';
import type { KeyMove, Settings } from './settings';
import type { SyncController } from './sync/sync-types';
import type { HistoryImporter } from './history/import';
import { saveDialogDefaultPath } from './files';
import { safeExternalUrl } from './security-policy';
import { emlFileName, writeEml } from './mail/eml';

/** A backup of the user's own tables is small; anything larger is not one. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

export interface Dialogs {
  /** The path the user chose, or null when they cancelled; `defaultPath` is main's choice. */
  saveFile(defaultPath: string, format: ExportSaveRequest['format']): Promise<string | null>;
  openDump(): Promise<string | null>;
  /** Several dump files at once, for history; null when the user cancelled. */
  openDumps(): Promise<string[] | null>;
  openBackup(): Promise<string | null>;
  /** Whether the user confirmed emptying the local PeeringDB copy. */
  confirmFlush(): Promise<boolean>;
  /** Whether the user wants the stored API key sent to the new address's host. */
  confirmKeyMove(move: KeyMove): Promise<boolean>;
}

export interface FileAccess {
  /** The folder a save dialog opens in; main's choice, never the page's. */
  exportFolder(): string;
  writeText(path: string, text: string): Promise<void>;
  /** Rejects with a clear message when the file is larger than maxBytes. */
  readText(path: string, maxBytes: number): Promise<string>;
  /** Writes a file of the app's own in a fresh temporary folder; answers its path. */
  writeTemp(fileName: string, text: string): Promise<string>;
}

export interface MainDeps {
  settings: Settings;
  sync: SyncController;
  history: HistoryImporter;
  dialogs: Dialogs;
  files: FileAccess;
  openExternal(url: string): boolean | Promise<boolean>;
  /** Opens a file the app wrote with the program the OS associates with it; '' or the OS's error. */
  openPath(path: string): Promise<string>;
  /** Reads the user data of version 0.1.0 (null when there is none); see legacy-user-data.ts. */
  readLegacyUserData(): Promise<string | null>;
  appInfo: AppInfo;
  broadcast<E extends EventChannel>(channel: E, payload: EventMap[E]): void;
}

export type Handlers = {
  [C in InvokeChannel]: (payload: unknown) => Promise<InvokeResponse<C>>;
};

/** A request whose payload does not match the contract; the message names what is wrong. */
class PayloadError extends Error {
  override name = 'PayloadError';
}

function parsePayload<C extends InvokeChannel>(channel: C, payload: unknown): ValidRequest<C> {
  const result = INVOKE_PAYLOAD_SCHEMAS[channel].safeParse(payload);
  if (result.success) return result.data as ValidRequest<C>;
  const issues = result.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw new PayloadError(`Invalid request on '${channel}': ${issues}`);
}

/** What main does on each channel, given a request its schema already accepted. */
type Answers = {
  [C in InvokeChannel]: (request: ValidRequest<C>) => Promise<InvokeResponse<C>>;
};

/**
 * Every answer behind its channel's schema, so no handler can forget to check its payload.
 * Async, so a refused payload rejects like any other failure instead of throwing.
 */
function checkingPayloads(answers: Answers): Handlers {
  const handlers: Partial<Record<InvokeChannel, (payload: unknown) => Promise<unknown>>> = {};
  for (const channel of Object.keys(answers) as InvokeChannel[]) {
    const answer = answers[channel] as (request: unknown) => Promise<unknown>;
    handlers[channel] = async (payload) => answer(parsePayload(channel, payload));
  }
  return handlers as Handlers;
}

export function createHandlers(deps: MainDeps): Handlers {
  const { settings, sync, dialogs, files } = deps;

  return checkingPayloads({
    'app:info': async () => ({ ...deps.appInfo }),

    'settings:get': async () => settings.view(),

    'settings:set': async (patch) => {
      const keyWasInUse = settings.view().apiKeyInUse;
      // The page may change the address, but only the user, in main's own dialog, may let the
      // key follow it to another host.
      const move = settings.keyMoveFor(patch);
      const moveKeyToNewHost = move !== null && (await dialogs.confirmKeyMove(move));
      const view = settings.update(patch, { moveKeyToNewHost });
      deps.broadcast('settings:changed', view);
      // Contacts visible only to users were skipped while no key was sent: fetch them now.
      if (!keyWasInUse && view.apiKeyInUse && !sync.running) sync.start('api-key');
      return view;
    },

    'sync:start': async ({ reason }) => sync.start(reason),

    'sync:cancel': async () => ({ cancelled: sync.cancel() }),

    'dump:import': async () => {
      if (sync.running) return { started: false, reason: 'A sync is already running.' };
      const path = await dialogs.openDump();
      if (path === null) return { started: false, reason: 'No file was chosen.' };
      return sync.importDump(path);
    },

    'history:import': async () => {
      if (deps.history.running) return { started: false, reason: 'Dumps are already being imported into history.' };
      const paths = await dialogs.openDumps();
      if (paths === null || paths.length === 0) return { started: false };
      return deps.history.start(paths);
    },

    'history:cancel': async () => ({ cancelled: deps.history.cancel() }),

    'flush:confirm': async () => {
      const confirmed = await dialogs.confirmFlush();
      // A running sync would write rows back into the tables about to be emptied.
      if (confirmed && sync.running) {
        sync.cancel();
        await sync.idle();
      }
      return { confirmed };
    },

    'export:save': async (request) => {
      const defaultPath = saveDialogDefaultPath(files.exportFolder(), request.suggestedName, request.format);
      const path = await dialogs.saveFile(defaultPath, request.format);
      if (path === null) return { saved: false };
      await files.writeText(path, request.content);
      return { saved: true, path };
    },

    'legacy-data:take': async () => {
      if (settings.legacyUserDataImported()) return { backup: null };
      try {
        return { backup: await deps.readLegacyUserData() };
      } catch (error) {
        // The old data stays where it is; the next start offers it again.
        console.warn(`The user data of the earlier version could not be read: ${error instanceof Error ? error.message : String(error)}`);
        return { backup: null };
      }
    },

    'legacy-data:imported': async () => {
      settings.recordLegacyUserDataImported();
      return { recorded: true };
    },

    'backup:open': async () => {
      const path = await dialogs.openBackup();
      if (path === null) return { opened: false };
      const content = await files.readText(path, MAX_BACKUP_BYTES);
      return { opened: true, path, content };
    },

    'external:open': async ({ url }) => {
      // What was checked is what goes out: the parsed form, never the page's raw text.
      const checked = safeExternalUrl(url);
      if (checked === null) return { opened: false };
      // eslint-disable-next-line no-restricted-syntax -- deps.openExternal is openExternalSafely in the app
      return { opened: await deps.openExternal(checked) };
    },

    'draft:open': async (draft) => {
      const now = new Date();
      let path: string;
      try {
        path = await files.writeTemp(emlFileName(draft.peerAsn, now), await writeEml(draft, now));
      } catch (error) {
        return { opened: false, reason: `The draft could not be written: ${error instanceof Error ? error.message : String(error)}` };
      }
      const failure = await deps.openPath(path);
      if (failure) return { opened: false, reason: `The mail program could not open the draft (${failure}). It is saved at ${path}.` };
      return { opened: true, path };
    },
  });
}
