/**
 * What the user can ask of the app, whether from a button, a shortcut or the native menu.
 * Dependencies come in as arguments so the behaviour is testable without Electron.
 */
import type { Api, SettingsPatch, SettingsView, SyncStartRequest } from '../../../../shared/ipc';
import { settingsPatchSchema } from '../../../../shared/ipc-schemas';
import type { AppEventName } from '../bridge/app-events';
import { ipcErrorMessage } from '../bridge/window-api';
import type { AppStateHandle } from '../state/app-state';

export interface ActionDeps {
  api: Pick<Api, 'startSync' | 'cancelSync' | 'importDump' | 'importHistory' | 'confirmFlush' | 'setSettings'>;
  store: AppStateHandle;
  /** Empties the PeeringDB tables of the local copy (never the user's tables). */
  flushCopy: () => Promise<void>;
  emit: (name: AppEventName, detail?: unknown) => void;
}

export const FLUSHED_MESSAGE =
  'The local PeeringDB copy was emptied. Your networks, peer states and templates are kept.';

export async function startSync(deps: ActionDeps, reason: NonNullable<SyncStartRequest['reason']>): Promise<void> {
  const state = deps.store.getState();
  if (state.syncRunning) {
    state.showNotice('info', 'A sync is already running.');
    return;
  }
  state.markSyncRequested();
  try {
    const result = await deps.api.startSync({ reason });
    if (!result.started) {
      deps.store.getState().markSyncNotStarted({ message: result.reason ?? 'The sync did not start.' });
    }
  } catch (error) {
    deps.store.getState().markSyncNotStarted({ message: ipcErrorMessage(error) });
  }
}

export async function cancelSync(deps: ActionDeps): Promise<void> {
  try {
    const { cancelled } = await deps.api.cancelSync();
    if (!cancelled) deps.store.getState().showNotice('info', 'No sync is running.');
  } catch (error) {
    deps.store.getState().showNotice('error', `Could not cancel the sync: ${ipcErrorMessage(error)}`);
  }
}

export async function importDump(deps: ActionDeps): Promise<void> {
  try {
    const result = await deps.api.importDump();
    // Without a reason the user closed the file dialog: nothing to say.
    if (!result.started && result.reason) deps.store.getState().showNotice('info', result.reason);
  } catch (error) {
    deps.store.getState().showNotice('error', `Could not import the dump: ${ipcErrorMessage(error)}`);
  }
}

/** Dumps of past dates, chosen at once, go into history; the Statistics screen shows the import. */
export async function importHistory(deps: ActionDeps): Promise<void> {
  try {
    const result = await deps.api.importHistory();
    if (result.started) deps.store.getState().navigate('statistics');
    else if (result.reason) deps.store.getState().showNotice('info', result.reason);
  } catch (error) {
    deps.store.getState().showNotice('error', `Could not import dumps for history: ${ipcErrorMessage(error)}`);
  }
}

export async function flushCopy(deps: ActionDeps): Promise<boolean> {
  const state = deps.store.getState();
  if (state.syncRunning) {
    state.showNotice('error', 'Cancel the running sync before emptying the local copy.');
    return false;
  }
  try {
    const { confirmed } = await deps.api.confirmFlush();
    if (!confirmed) return false;
    await deps.flushCopy();
  } catch (error) {
    deps.store.getState().showNotice('error', `Could not empty the local copy: ${ipcErrorMessage(error)}`);
    return false;
  }
  deps.store.getState().showNotice('success', FLUSHED_MESSAGE);
  deps.emit('flushed');
  return true;
}

export type SaveSettingsResult = { ok: true; settings: SettingsView } | { ok: false; error: string };

/** Checks the patch here first so a bad URL is reported at once, then lets main decide. */
export async function saveSettings(deps: ActionDeps, patch: SettingsPatch): Promise<SaveSettingsResult> {
  const parsed = settingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? 'These settings are not valid.' };
  }
  try {
    const settings = await deps.api.setSettings(parsed.data);
    deps.store.getState().setSettings(settings);
    deps.emit('settings-saved', { keys: Object.keys(parsed.data) });
    return { ok: true, settings };
  } catch (error) {
    return { ok: false, error: ipcErrorMessage(error) };
  }
}
