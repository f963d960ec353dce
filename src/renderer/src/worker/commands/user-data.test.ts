import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDataVersion } from '../db/meta';
import { openDatabase, type PeeringDatabase } from '../db/schema';
import type { StoreContext } from '../context';
import { LocalCopy } from '../copy/local-copy';
import { storeCommands, storeQueries } from '../operations';
import { USER_DATA_FORMAT } from '../../../../shared/user-data';
import { userDataQueries } from '../queries/user-data-queries';
import { userDataCommands } from './user-data';

const ops = { ...userDataQueries, ...userDataCommands };

let db: PeeringDatabase;
let ctx: StoreContext;
let notified: number;
let dbCounter = 0;

beforeEach(async () => {
  db = openDatabase(`user-operations-test-${++dbCounter}`);
  await db.open();
  notified = 0;
  ctx = { db, copy: new LocalCopy(), notifyChanged: () => notified++ };
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const none = {} as Record<string, never>;

describe('my networks', () => {
  it('are set, added and removed, keeping the order they were given in', async () => {
    expect(await ops.setMyNetworks(ctx, { asns: [3356, 64500, 3356, 174] })).toEqual([3356, 64500, 174]);
    expect(await ops.listMyNetworks(ctx, none)).toEqual([3356, 64500, 174]);
    expect(await ops.addMyNetwork(ctx, { asn: 13335 })).toEqual([3356, 64500, 174, 13335]);
    expect(await ops.addMyNetwork(ctx, { asn: 3356 })).toEqual([3356, 64500, 174, 13335]);
    expect(await ops.removeMyNetwork(ctx, { asn: 64500 })).toEqual([3356, 174, 13335]);
  });

  it('each write bumps the data version and tells the UI', async () => {
    const before = await readDataVersion(db);
    await ops.addMyNetwork(ctx, { asn: 13335 });
    expect(await readDataVersion(db)).toBe(before + 1);
    expect(notified).toBe(1);
  });

  it('refuse a value that is not an ASN, with the reason', async () => {
    await expect(ops.addMyNetwork(ctx, { asn: 0 })).rejects.toThrow(/ASN is at least 1/);
    await expect(ops.addMyNetwork(ctx, { asn: 2 ** 32 })).rejects.toThrow(/at most 4294967295/);
    await expect(ops.setMyNetworks(ctx, { asns: [1, 1.5] })).rejects.toThrow(/asns\.1: An ASN must be a whole number/);
    expect(await db.myNetworks.count()).toBe(0);
    expect(notified).toBe(0);
  });
});

describe('peer states', () => {
  it('store a mark with its dates and note, and drop a mark that says nothing', async () => {
    const hidden = await ops.setPeerState(ctx, { asn: 64501, state: 'hidden', hiddenUntil: '2026-12-31', note: ' busy ' });
    expect(hidden).toMatchObject({ asn: 64501, state: 'hidden', hiddenUntil: '2026-12-31', note: 'busy' });
    await ops.setPeerState(ctx, { asn: 64502, state: 'requested', requestedAt: '2026-04-01' });
    expect(await db.peerStates.get(64502)).toMatchObject({ state: 'requested', requestedAt: '2026-04-01', note: '' });

    // Changing the state forgets dates that belonged to the old one.
    await ops.setPeerState(ctx, { asn: 64501, state: 'peered', hiddenUntil: '2026-12-31' });
    expect((await db.peerStates.get(64501))?.hiddenUntil).toBeUndefined();

    expect(await ops.setPeerState(ctx, { asn: 64502, state: null, note: '' })).toBeNull();
    expect(await db.peerStates.get(64502)).toBeUndefined();
    expect((await ops.listPeerStates(ctx, none)).map((r) => r.asn)).toEqual([64501]);
  });

  it('refuse an unknown state or a malformed date', async () => {
    await expect(ops.setPeerState(ctx, { asn: 1, state: 'ignored' as never })).rejects.toThrow(/state/);
    await expect(ops.setPeerState(ctx, { asn: 1, state: 'hidden', hiddenUntil: '31/12/2026' })).rejects.toThrow(
      /YYYY-MM-DD/,
    );
    expect(await db.peerStates.count()).toBe(0);
  });
});

describe('templates', () => {
  it('are saved and read back by key', async () => {
    expect(await ops.getTemplate(ctx, { key: 'peering-request' })).toBeNull();
    await ops.saveTemplate(ctx, { key: 'peering-request', subject: 'Peering with AS{myAsn}', body: 'Hello' });
    expect(await ops.getTemplate(ctx, { key: 'peering-request' })).toMatchObject({
      subject: 'Peering with AS{myAsn}',
      body: 'Hello',
    });
  });
});

describe('backup', () => {
  async function fillUserTables(): Promise<void> {
    await ops.setMyNetworks(ctx, { asns: [3356, 174] });
    await ops.setPeerState(ctx, { asn: 13335, state: 'hidden', hiddenUntil: '2027-01-01', note: 'ask again "next year"' });
    await ops.saveTemplate(ctx, { key: 'peering-request', subject: 'Peering', body: 'Dear =cmd|x' });
  }

  it('round-trips my networks, peer states and templates', async () => {
    await fillUserTables();
    const file = await ops.exportUserData(ctx, none);
    const tables = {
      myNetworks: await db.myNetworks.toArray(),
      peerStates: await db.peerStates.toArray(),
      templates: await db.templates.toArray(),
    };
    expect(JSON.parse(file)).toMatchObject({ format: USER_DATA_FORMAT, version: 1, ...tables });

    await ops.setMyNetworks(ctx, { asns: [9999] });
    await ops.setPeerState(ctx, { asn: 1, state: 'peered' });
    expect(await ops.importUserData(ctx, { json: file })).toEqual({ myNetworks: 2, peerStates: 1, templates: 1 });
    expect(await db.myNetworks.toArray()).toEqual(tables.myNetworks);
    expect(await db.peerStates.toArray()).toEqual(tables.peerStates);
    expect(await db.templates.toArray()).toEqual(tables.templates);
    expect(await ops.listMyNetworks(ctx, none)).toEqual([3356, 174]);
  });

  it.each([
    ['text that is not JSON', 'PK\u0003\u0004 not json', /not valid JSON/],
    ['another JSON file', '{"org": {"data": []}}', /not a Peering Assistant backup/],
    ['a JSON array', '[]', /not a Peering Assistant backup/],
    [
      'a newer version',
      JSON.stringify({ format: USER_DATA_FORMAT, version: 2, exportedAt: '', myNetworks: [], peerStates: [], templates: [] }),
      /Only backups of version 1/,
    ],
    [
      'a bad ASN deep inside',
      JSON.stringify({
        format: USER_DATA_FORMAT,
        version: 1,
        exportedAt: '',
        myNetworks: [{ asn: 174, addedAt: 1 }],
        peerStates: [{ asn: -5, state: 'peered', note: '', updatedAt: 1 }],
        templates: [],
      }),
      /at peerStates\.0\.asn/,
    ],
    [
      'an ASN listed twice',
      JSON.stringify({
        format: USER_DATA_FORMAT,
        version: 1,
        exportedAt: '',
        myNetworks: [{ asn: 174, addedAt: 1 }, { asn: 174, addedAt: 2 }],
        peerStates: [],
        templates: [],
      }),
      /myNetworks lists the same entry twice/,
    ],
  ])('refuses %s with a clear error and changes nothing', async (_label, json, message) => {
    await fillUserTables();
    const before = await ops.exportUserData(ctx, none);
    const version = await readDataVersion(db);
    await expect(ops.importUserData(ctx, { json })).rejects.toThrow(message);
    const after = await ops.exportUserData(ctx, none);
    const { exportedAt: _a, ...beforeTables } = JSON.parse(before);
    const { exportedAt: _b, ...afterTables } = JSON.parse(after);
    expect(afterTables).toEqual(beforeTables);
    expect(await readDataVersion(db)).toBe(version);
  });

  it('a write failing half way through an import leaves the old data whole', async () => {
    await fillUserTables();
    const file = await ops.exportUserData(ctx, none);
    await ops.setMyNetworks(ctx, { asns: [1, 2, 3] });
    db.templates.hook('creating', () => {
      throw new Error('QuotaExceededError');
    });
    await expect(ops.importUserData(ctx, { json: file })).rejects.toThrow(/Quota/);
    expect(await ops.listMyNetworks(ctx, none)).toEqual([1, 2, 3]);
    expect(await db.peerStates.count()).toBe(1);
  });
});

it('the store offers the user-data reads as queries and the writes as commands', () => {
  for (const name of Object.keys(userDataQueries)) expect(storeQueries).toHaveProperty(name);
  for (const name of Object.keys(userDataCommands)) expect(storeCommands).toHaveProperty(name);
});
