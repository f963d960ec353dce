import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseUserData } from '../shared/user-data';
import { hasLegacyStore, legacyStorePath, READ_LEGACY_USER_DATA_SCRIPT } from './legacy-user-data';

/** Runs the script as the old origin's page would (it only needs indexedDB). */
function runScript(): Promise<string | null> {
  return (0, eval)(READ_LEGACY_USER_DATA_SCRIPT) as Promise<string | null>;
}

afterEach(async () => {
  await Dexie.delete('peering-assistant');
});

describe('the user data of version 0.1.0', () => {
  it('is read from its database as a backup the page can import', async () => {
    // The tables as 0.1.0 declared them.
    const old = new Dexie('peering-assistant');
    old.version(1).stores({ chunks: 'key, type', meta: 'key', changes: '++id, endedAt', myNetworks: 'asn', peerStates: 'asn, state', templates: 'key' });
    await old.open();
    await old.table('myNetworks').bulkPut([{ asn: 64500, addedAt: 1 }, { asn: 64501, addedAt: 2 }]);
    await old.table('peerStates').put({ asn: 13335, state: 'requested', requestedAt: '2026-05-01', note: 'asked at DE-CIX', updatedAt: 3 });
    await old.table('templates').put({ key: 'peering-request', subject: 'Hi', body: 'Body', updatedAt: 4 });
    await old.table('chunks').put({ key: 'net:0', type: 'net', bucket: 0, json: '[]', count: 0 });
    old.close();

    const text = await runScript();
    const backup = parseUserData(text!);
    expect(backup.myNetworks.map((record) => record.asn)).toEqual([64500, 64501]);
    expect(backup.peerStates).toEqual([{ asn: 13335, state: 'requested', requestedAt: '2026-05-01', note: 'asked at DE-CIX', updatedAt: 3 }]);
    expect(backup.templates[0]).toMatchObject({ subject: 'Hi', body: 'Body' });
  });

  it('is nothing when there is no old database, and none is left behind', async () => {
    expect(await runScript()).toBeNull();
    expect(await Dexie.exists('peering-assistant')).toBe(false);
  });

  it('is nothing when the old tables are empty', async () => {
    const old = new Dexie('peering-assistant');
    old.version(1).stores({ myNetworks: 'asn', peerStates: 'asn, state', templates: 'key' });
    await old.open();
    old.close();
    expect(await runScript()).toBeNull();
  });

  it('is looked for only where Chromium kept the file:// origin’s databases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'legacy-'));
    try {
      expect(hasLegacyStore(dir)).toBe(false);
      mkdirSync(legacyStorePath(dir), { recursive: true });
      expect(hasLegacyStore(dir)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
