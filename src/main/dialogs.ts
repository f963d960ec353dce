/** The native dialogs behind export, import, backup, flush and moving the API key. */
import { dialog, type BrowserWindow, type FileFilter, type MessageBoxOptions } from 'electron';
import type { Dialogs } from './ipc-handlers';
import { keyMoveQuestion } from './key-move-question';

const EXPORT_FILTERS: Record<'csv' | 'vcf' | 'json' | 'txt', FileFilter> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  vcf: { name: 'vCard', extensions: ['vcf'] },
  json: { name: 'JSON', extensions: ['json'] },
  txt: { name: 'Text', extensions: ['txt', 'conf', 'cfg'] },
};

export function createDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  const openOne = async (title: string, filters: FileFilter[]): Promise<string | null> => {
    const window = getWindow();
    const options = { title, properties: ['openFile' as const], filters };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  return {
    async saveFile(defaultPath, format) {
      const window = getWindow();
      const options = { defaultPath, filters: [EXPORT_FILTERS[format]] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    openDump: () =>
      openOne('Import a PeeringDB dump file', [
        { name: 'PeeringDB dump (JSON)', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] },
      ]),
    async openDumps() {
      const window = getWindow();
      const options = {
        title: 'Import PeeringDB dumps for history',
        message: 'Dumps of past dates go into history only; the local copy stays as it is.',
        properties: ['openFile' as const, 'multiSelections' as const],
        filters: [
          { name: 'PeeringDB dumps (JSON)', extensions: ['json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    },
    openBackup: () => openOne('Open a backup', [{ name: 'Backup (JSON)', extensions: ['json'] }]),
    async confirmFlush() {
      const window = getWindow();
      const options = {
        type: 'warning' as const,
        buttons: ['Cancel', 'Flush'],
        defaultId: 0,
        cancelId: 0,
        message: 'Flush the local copy of PeeringDB?',
        detail:
          'Every PeeringDB record on this computer is deleted; the next sync downloads them again. ' +
          'Your networks, peer states, notes and templates are kept.',
      };
      const result = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
      return result.response === 1;
    },
    async confirmKeyMove(move) {
      const window = getWindow();
      const question = keyMoveQuestion(move);
      const options: MessageBoxOptions = { type: 'warning', ...question };
      const result = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
      return result.response === question.moveButton;
    },
  };
}
