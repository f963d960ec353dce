/**
 * Bringing the user's own data over from version 0.1.0, which ran its page from file:// and
 * kept its database (my networks, peer marks, templates) in that origin's storage. The page now
 * comes from the app:// scheme, a new origin with an empty database: without this, an update
 * would seem to lose everything the user made. Main reads the old tables once, in a hidden
 * window of the old origin, and hands them to the page as a backup file's text; the page
 * imports it into empty tables and says so. The old database is left as it is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Chromium's folder for the file:// origin's IndexedDB, inside the user data folder. */
export function legacyStorePath(userDataDir: string): string {
  return join(userDataDir, 'IndexedDB', 'file__0.indexeddb.leveldb');
}

export function hasLegacyStore(userDataDir: string): boolean {
  return existsSync(legacyStorePath(userDataDir));
}

/**
 * Runs in a blank page of the old origin (executeJavaScript, so plain JavaScript as text: a
 * compiled function could carry helpers that do not exist there). It opens the old database
 * without upgrading it, reads the three tables 0.1.0 had, and resolves with a version 1 backup
 * file's text, or null when there is no such database or nothing in it.
 */
export const READ_LEGACY_USER_DATA_SCRIPT = `new Promise((resolve, reject) => {
  const request = indexedDB.open('peering-assistant');
  request.onerror = () => reject(new Error(String(request.error)));
  // No database there: opening created an empty one; drop it again and report nothing.
  request.onupgradeneeded = () => {
    request.transaction.abort();
  };
  request.onsuccess = () => {
    const db = request.result;
    const wanted = ['myNetworks', 'peerStates', 'templates'];
    const present = wanted.filter((name) => db.objectStoreNames.contains(name));
    if (present.length === 0) {
      db.close();
      resolve(null);
      return;
    }
    const transaction = db.transaction(present, 'readonly');
    const tables = { myNetworks: [], peerStates: [], templates: [] };
    for (const name of present) {
      const read = transaction.objectStore(name).getAll();
      read.onsuccess = () => {
        tables[name] = read.result;
      };
    }
    transaction.oncomplete = () => {
      db.close();
      const empty = wanted.every((name) => tables[name].length === 0);
      resolve(
        empty
          ? null
          : JSON.stringify({
              format: 'peering-assistant/user-data',
              version: 1,
              exportedAt: new Date().toISOString(),
              myNetworks: tables.myNetworks,
              peerStates: tables.peerStates,
              templates: tables.templates,
            }),
      );
    };
    transaction.onerror = () => reject(new Error(String(transaction.error)));
  };
}).catch((error) => {
  // An aborted upgrade is how "there was no database" ends.
  if (String(error).includes('AbortError')) return null;
  throw error;
})`;
