/** File access for exports and backups, on paths the user picked in a native dialog. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { FileAccess } from './ipc-handlers';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function createFileAccess(): FileAccess {
  return {
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
  };
}
