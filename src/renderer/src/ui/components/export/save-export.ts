/**
 * Writing exports: the renderer has no file system, so main shows the native save dialog and
 * writes the text. Success and failure are told to the user and announced to tests.
 */
import type { ExportSaveRequest } from '../../../../../shared/ipc';
import { emitAppEvent } from '../../bridge/app-events';
import { getApi, ipcErrorMessage } from '../../bridge/window-api';
import { useAppState } from '../../state/app-state';

export type SaveOutcome = { saved: true; path: string } | { saved: false; error?: string };

export async function saveExportFile(request: ExportSaveRequest, what: string): Promise<SaveOutcome> {
  const notice = useAppState.getState().showNotice;
  try {
    const result = await getApi().saveExport(request);
    if (!result.saved) return { saved: false };
    notice('success', `Saved ${what} to ${result.path}.`);
    emitAppEvent('export-saved', { path: result.path, format: request.format, name: request.suggestedName });
    return { saved: true, path: result.path };
  } catch (error) {
    const message = `Could not save ${what}: ${ipcErrorMessage(error)}`;
    notice('error', message);
    return { saved: false, error: message };
  }
}
