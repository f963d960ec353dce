/** File access for exports and backups, on paths the user picked in a native dialog, and drafts in temporary files. */
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suggestedExportFileName, type ExportExtension } from '../shared/export/file-name';
import type { FileAccess } from './ipc-handlers';

/**
 * Where the save dialog opens: main's folder and the page's suggested name, made safe again
 * here, so the page can neither pick a folder nor slip in a name that passes for another type.
 */
export function saveDialogDefaultPath(folder: string, suggestedName: string, format: ExportExtension): string {
  return join(folder, suggestedExportFileName(suggestedName, format));
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export interface FileAccessOptions {
  /** The folder save dialogs open in (the user's documents folder in the app). */
  exportFolder: () => string;
}

export function createFileAccess({ exportFolder }: FileAccessOptions): FileAccess {
  return {
    exportFolder,
    async writeText(path, text) {
      await writeFile(path, text, 'utf8');
    },
    async readText(path, maxBytes) {
      const info = await stat(path);
      if (!info.isFile()) throw new Error(`${path} is not a file.`);
      if (info.size > maxBytes) {
        throw new Error(`${path} is too large to be a backup (${megabytes(info.size)}; the limit is ${megabytes(maxBytes)}).`);
      }
      return readFile(path, 'utf8');
    },
    async writeTemp(fileName, text) {
      // A folder per file: names repeat (one draft per peer and day) and nothing is overwritten.
      const dir = await mkdtemp(join(tmpdir(), 'peering-assistant-'));
      const path = join(dir, fileName);
      await writeFile(path, text, 'utf8');
      return path;
    },
  };
}
