import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDataVersion } from '../db/meta';
import { openDatabase, type PeeringDatabase } from '../db/schema';
import type { StoreContext } from '../context';
import { LocalCopy } from '../copy/local-copy';
import { storeCommands, storeQueries } from '../operation-handlers';
import { USER_DATA_FORMAT } from '../../../../shared/user-data';
import { userDataQueries } from '../queries/user-data-queries';
import { userDataCommands } from './user-data-commands';

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
    await ops.recordRequests(ctx, {
      requests: [{ peerAsn: 64501, myAsn: 3356, to: ['p@example.net'], ixps: ['Test IX'], via: 'eml' }],
      date: '2026-04-16',
    });
    await ops.setFollowUpDays(ctx, { days: 21 });
    await ops.saveSessionTemplate(ctx, { name: 'My BIRD', body: 'protocol bgp {{ session.slug }} {}' });
  }

  async function userTables() {
    return {
      myNetworks: await db.myNetworks.toArray(),
      peerStates: await db.peerStates.toArray(),
      templates: await db.templates.toArray(),
      requestLog: await db.requestLog.toArray(),
      preferences: await db.preferences.toArray(),
      sessionTemplates: await db.sessionTemplates.toArray(),
    };
  }

  it('round-trips my networks, peer states, templates, the request log, preferences and session templates', async () => {
    await fillUserTables();
    const file = await ops.exportUserData(ctx, none);
    const tables = await userTables();
    expect(tables.requestLog).toHaveLength(1);
    expect(JSON.parse(file)).toMatchObject({ format: USER_DATA_FORMAT, version: 2, ...tables });

    await ops.setMyNetworks(ctx, { asns: [9999] });
    await ops.setPeerState(ctx, { asn: 1, state: 'peered' });
    await ops.recordRequests(ctx, { requests: [{ peerAsn: 2, myAsn: 9999, to: [], ixps: [], via: 'clipboard' }], date: '2026-04-17' });
    await ops.setFollowUpDays(ctx, { days: 3 });
    expect(await ops.importUserData(ctx, { json: file })).toEqual({
      myNetworks: 2,
      peerStates: 2,
      templates: 1,
      requests: 1,
      sessionTemplates: 1,
    });
    expect(await userTables()).toEqual(tables);
    expect(await ops.listMyNetworks(ctx, none)).toEqual([3356, 174]);
  });

  it('imports a version 1 backup, with an empty request log and no session templates', async () => {
    await fillUserTables();
    const v1 = JSON.stringify({
      format: USER_DATA_FORMAT,
      version: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      myNetworks: [{ asn: 64500, addedAt: 1 }],
      peerStates: [{ asn: 64520, state: 'requested', requestedAt: '2026-01-02', note: 'kept', updatedAt: 1 }],
      templates: [],
    });
    expect(await ops.importUserData(ctx, { json: v1 })).toEqual({ myNetworks: 1, peerStates: 1, templates: 0, requests: 0, sessionTemplates: 0 });
    expect(await db.requestLog.count()).toBe(0);
    expect(await db.sessionTemplates.count()).toBe(0);
    expect((await ops.requestOverview(ctx, none)).peers.map((p) => [p.asn, p.note, p.due])).toEqual([[64520, 'kept', true]]);
  });

  it.each([
    ['text that is not JSON', 'PK\u0003\u0004 not json', /not valid JSON/],
    ['another JSON file', '{"org": {"data": []}}', /not a Peering Assistant backup/],
    ['a JSON array', '[]', /not a Peering Assistant backup/],
    [
      'a newer version',
      JSON.stringify({ format: USER_DATA_FORMAT, version: 3, exportedAt: '', myNetworks: [], peerStates: [], templates: [] }),
      /written by a newer Peering Assistant \(version 3\)/,
    ],
    [
      'a version 2 file without its request log',
      JSON.stringify({ format: USER_DATA_FORMAT, version: 2, exportedAt: '', myNetworks: [], peerStates: [], templates: [], preferences: [], sessionTemplates: [] }),
      /at requestLog/,
    ],
    [
      'a follow-up period out of range',
      JSON.stringify({
        format: USER_DATA_FORMAT,
        version: 2,
        exportedAt: '',
        myNetworks: [],
        peerStates: [],
        templates: [],
        requestLog: [],
        preferences: [{ key: 'followUpDays', value: 0 }],
        sessionTemplates: [],
      }),
      /at least 1 day \(at preferences\.0\.value\)/,
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
    expect(await db.peerStates.count()).toBe(2);
    expect(await db.requestLog.count()).toBe(1);
  });
});

describe('request log', () => {
  const request = (peerAsn: number, extra = {}) => ({ peerAsn, myAsn: 64500, to: [`p@as${peerAsn}.example`], ixps: ['Test IX'], via: 'eml' as const, ...extra });

  it('logs each request and marks the peer requested, keeping its note', async () => {
    await ops.setPeerState(ctx, { asn: 64501, state: null, note: 'Met at RIPE' });
    const recorded = await ops.recordRequests(ctx, { requests: [request(64501), request(64502)], date: '2026-04-16' });
    expect(recorded.ids).toHaveLength(2);
    expect(await db.peerStates.get(64501)).toMatchObject({ state: 'requested', requestedAt: '2026-04-16', note: 'Met at RIPE' });
    const overview = await ops.requestOverview(ctx, none);
    expect(overview.followUpDays).toBe(14);
    expect(overview.dueCount).toBe(0);
    expect(overview.peers.map((p) => [p.asn, p.requestCount, p.due, p.lastTo])).toEqual([
      [64501, 1, false, ['p@as64501.example']],
      [64502, 1, false, ['p@as64502.example']],
    ]);
    expect((await ops.requestHistory(ctx, { asns: [64501] })).entries).toHaveLength(1);
    expect(notified).toBe(2);
  });

  it('counts the follow-ups due with the user’s number of days', async () => {
    await db.requestLog.add({ ...request(64501), at: Date.now() - 10 * 24 * 3600 * 1000 });
    await db.peerStates.put({ asn: 64501, state: 'requested', note: '', updatedAt: 1 });
    expect(await ops.followUpsDue(ctx, none)).toBe(0);
    await ops.setFollowUpDays(ctx, { days: 7 });
    expect(await ops.followUpsDue(ctx, none)).toBe(1);
    await expect(ops.setFollowUpDays(ctx, { days: 0 })).rejects.toThrow(/at least 1 day/);
  });

  it('takes a request back on Undo: out of the log, and each peer marked as it was before', async () => {
    await ops.setPeerState(ctx, { asn: 64501, state: 'hidden', hiddenUntil: '2027-01-01', note: 'Met at RIPE' });
    const before = await db.peerStates.get(64501);
    await ops.recordRequests(ctx, { requests: [request(64503)], date: '2026-04-01' });
    const recorded = await ops.recordRequests(ctx, { requests: [request(64501), request(64502)], date: '2026-04-16' });
    expect(recorded.marksBefore).toEqual([
      { asn: 64501, mark: before },
      { asn: 64502, mark: null },
    ]);

    expect(await ops.withdrawRequests(ctx, recorded)).toEqual({ withdrawn: 2 });
    expect(await db.peerStates.get(64501)).toEqual(before);
    expect(await db.peerStates.get(64502)).toBeUndefined();
    // The earlier request to another peer stays: only what was undone goes.
    expect((await db.requestLog.toArray()).map((entry) => entry.peerAsn)).toEqual([64503]);
    expect((await ops.requestHistory(ctx, { asns: [64501, 64502] })).entries).toEqual([]);
    expect((await ops.requestOverview(ctx, none)).peers.map((peer) => peer.asn)).toEqual([64503]);
  });

  it('refuses to restore a mark under another ASN than its own, changing nothing', async () => {
    const recorded = await ops.recordRequests(ctx, { requests: [request(64501)], date: '2026-04-16' });
    const forged = { ids: recorded.ids, marksBefore: [{ asn: 64501, mark: { asn: 64999, state: 'peered' as const, note: '', updatedAt: 1 } }] };
    await expect(ops.withdrawRequests(ctx, forged)).rejects.toThrow(/another ASN/);
    expect(await db.requestLog.count()).toBe(1);
    expect(await db.peerStates.get(64501)).toMatchObject({ state: 'requested' });
  });

  it('refuses a request without a peer, changing nothing', async () => {
    await expect(ops.recordRequests(ctx, { requests: [request(0)], date: '2026-04-16' })).rejects.toThrow(/ASN/);
    await expect(ops.recordRequests(ctx, { requests: [], date: '2026-04-16' })).rejects.toThrow();
    expect(await db.requestLog.count()).toBe(0);
  });
});

describe('session templates', () => {
  it('are created, renamed and deleted', async () => {
    const created = await ops.saveSessionTemplate(ctx, { name: ' Edge BIRD ', body: 'x' });
    expect(created.key).toMatch(/^user:/);
    expect(created.name).toBe('Edge BIRD');
    await ops.saveSessionTemplate(ctx, { key: created.key, name: 'Core BIRD', body: 'y' });
    expect((await ops.listSessionTemplates(ctx, none)).map((t) => [t.name, t.body])).toEqual([['Core BIRD', 'y']]);
    await ops.deleteSessionTemplate(ctx, { key: created.key });
    expect(await ops.listSessionTemplates(ctx, none)).toEqual([]);
    await expect(ops.saveSessionTemplate(ctx, { name: '  ', body: '' })).rejects.toThrow(/needs a name/);
    await expect(ops.saveSessionTemplate(ctx, { key: 'builtin:bird2', name: 'x', body: '' })).rejects.toThrow(/user:/);
  });
});

it('the store offers the user-data reads as queries and the writes as commands', () => {
  for (const name of Object.keys(userDataQueries)) expect(storeQueries).toHaveProperty(name);
  for (const name of Object.keys(userDataCommands)) expect(storeCommands).toHaveProperty(name);
});
