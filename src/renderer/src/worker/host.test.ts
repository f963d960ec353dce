import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PDB_TYPES } from '../../../shared/peeringdb';
import type { MainToStore, StoreToMain } from '../../../shared/sync';
import { HISTORY_TABLES, META, PEERINGDB_TABLES, USER_TABLES, openDatabase, type PeeringDatabase } from './db/schema';
import { LocalCopy } from './copy/local-copy';
import { answerPackers, storeCommands, storeQueries } from './operation-handlers';
import type { StoreStatus, UiToWorker, WorkerToUi } from '../protocol/messages';
import { createSyncEndpoint } from './sync/endpoint';
import { netRow, netixlanRow, orgRow, pageOf } from './sync/rows.test-support';
import { createStoreWorkerHost, type StoreWorkerHost } from './host';

let dbName: string;
let db: PeeringDatabase;
let copy: LocalCopy;
let toUi: WorkerToUi[];
let host: StoreWorkerHost;
let waiters: { match: (m: WorkerToUi) => boolean; resolve: (m: WorkerToUi) => void }[];
let dbCounter = 0;

function startHost(): StoreWorkerHost {
  db = openDatabase(dbName);
  copy = new LocalCopy();
  toUi = [];
  waiters = [];
  host = createStoreWorkerHost({
    db,
    copy,
    queries: storeQueries,
    commands: storeCommands,
    packers: answerPackers,
    post: (message) => {
      toUi.push(message);
      for (const waiter of [...waiters]) {
        if (waiter.match(message)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    },
    notifier: { minIntervalMs: 0 },
  });
  return host;
}

function waitForUi<T extends WorkerToUi>(match: (m: WorkerToUi) => boolean): Promise<T> {
  const seen = toUi.find(match);
  if (seen) return Promise.resolve(seen as T);
  return new Promise((resolve) => waiters.push({ match, resolve: resolve as (m: WorkerToUi) => void }));
}

let nextId = 1;
async function request(message: { t: 'query' | 'command'; name: string; args: unknown } | { t: 'status' } | { t: 'flush' }) {
  const id = nextId++;
  await host.handle({ ...message, id } as UiToWorker);
  const reply = await waitForUi<Extract<WorkerToUi, { t: 'reply' }>>((m) => m.t === 'reply' && m.id === id);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Fills the database the way a sync would, before the worker under test starts. */
async function seed(messages: MainToStore[]): Promise<void> {
  const seedDb = openDatabase(dbName);
  const endpoint = createSyncEndpoint({ db: seedDb, copy: new LocalCopy() }, () => undefined);
  for (const message of messages) await endpoint.receive(message);
  seedDb.close();
}

beforeEach(() => {
  dbName = `worker-host-test-${++dbCounter}`;
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('starting', () => {
  it('loads the stored copy and says ready with its status', async () => {
    await seed([
      { t: 'hello', jobId: 'seed', source: 'cache', withKey: false },
      pageOf('org', [orgRow(1), orgRow(2), orgRow(4000)]),
      pageOf('net', [netRow(1)]),
      { t: 'end', outcome: 'done' },
    ]);
    await startHost().start();
    const ready = await waitForUi<Extract<WorkerToUi, { t: 'ready' }>>((m) => m.t === 'ready');
    expect(ready.status.counts).toMatchObject({ org: 3, net: 1, poc: 0 });
    expect(ready.status.watermarks.org).toBe(Date.parse('2023-10-30T09:54:43Z') / 1000);
    expect(ready.status.lastSyncAt).toEqual(expect.any(Number));
    expect(ready.status.recentChanges[0]).toMatchObject({ jobId: 'seed', source: 'cache' });
    expect(copy.get('org', 4000)?.name).toBe('Org 4000');
  });

  it('answers requests that arrive while it is still loading, once loaded', async () => {
    startHost();
    const answer = request({ t: 'query', name: 'listMyNetworks', args: {} });
    void host.start();
    expect(await answer).toEqual([]);
  });
});

describe('requests', () => {
  beforeEach(async () => {
    await startHost().start();
  });

  it('runs a named operation and tells the UI when it wrote', async () => {
    expect(await request({ t: 'command', name: 'addMyNetwork', args: { asn: 3356 } })).toEqual([3356]);
    const changed = await waitForUi<Extract<WorkerToUi, { t: 'changed' }>>((m) => m.t === 'changed');
    expect(changed.dataVersion).toBe(1);
  });

  it('sends a peers list as columns for the page to unpack, and other answers as they are', async () => {
    await request({ t: 'command', name: 'setMyNetworks', args: { asns: [64501] } });
    const id = nextId++;
    await host.handle({ t: 'query', id, name: 'findPeers', args: { place: { kind: 'my-ixs' } } });
    const peers = await waitForUi<Extract<WorkerToUi, { t: 'reply'; ok: true }>>((m) => m.t === 'reply' && m.id === id);
    expect(peers.packed).toBe('members');
    expect((peers.value as { rows: { asn: unknown } }).rows.asn).toBeInstanceOf(Float64Array);
    const listId = nextId++;
    await host.handle({ t: 'query', id: listId, name: 'listMyNetworks', args: {} });
    const list = await waitForUi<Extract<WorkerToUi, { t: 'reply'; ok: true }>>((m) => m.t === 'reply' && m.id === listId);
    expect(list.packed).toBeUndefined();
    expect(list.value).toEqual([64501]);
  });

  it('refuses an operation it does not have, and an inherited name', async () => {
    await expect(request({ t: 'query', name: 'dropEverything', args: {} })).rejects.toThrow(/no query named "dropEverything"/);
    await expect(request({ t: 'query', name: 'toString', args: {} })).rejects.toThrow(/no query named/);
  });

  it('passes an operation error back as the reply', async () => {
    await expect(request({ t: 'command', name: 'importUserData', args: { json: 'nope' } })).rejects.toThrow(/not valid JSON/);
  });

  it('lists the 20 most recent change records, newest first', async () => {
    for (let i = 1; i <= 23; i++) {
      await db.changes.add({ jobId: `job-${i}`, source: 'api', startedAt: i, endedAt: i, outcome: 'done', perType: {}, ixMoves: [] });
    }
    const status = (await request({ t: 'status' })) as StoreStatus;
    expect(status.recentChanges).toHaveLength(20);
    expect(status.recentChanges[0]?.jobId).toBe('job-23');
    expect(status.recentChanges[19]?.jobId).toBe('job-4');
  });
});

describe('flush', () => {
  it("knows every table of the schema as PeeringDB's, the user's or history's, never two of them", () => {
    const declared = [...PEERINGDB_TABLES, ...USER_TABLES, ...HISTORY_TABLES];
    expect(new Set(declared).size).toBe(declared.length);
    expect(new Set(declared)).toEqual(new Set(openDatabase('flush-tables').tables.map((table) => table.name)));
  });

  it("empties PeeringDB's data and keeps the user's tables, on disk and in the copy", async () => {
    await seed([
      { t: 'hello', jobId: 'seed', source: 'api', withKey: true },
      pageOf('net', [netRow(1)]),
      pageOf('netixlan', [netixlanRow(1)]),
      { t: 'end', outcome: 'done' },
    ]);
    await startHost().start();
    await request({ t: 'command', name: 'setMyNetworks', args: { asns: [174, 3356] } });
    await request({ t: 'command', name: 'setPeerState', args: { asn: 64501, state: 'peered', note: 'since 2020' } });
    await request({ t: 'command', name: 'saveTemplate', args: { key: 'peering-request', subject: 'Hi', body: 'Body' } });
    await request({
      t: 'command',
      name: 'recordRequests',
      args: { requests: [{ peerAsn: 64502, myAsn: 174, to: ['p@example.net'], ixps: ['IX'], via: 'eml' }], date: '2026-04-16' },
    });
    await request({ t: 'command', name: 'setFollowUpDays', args: { days: 9 } });
    await request({ t: 'command', name: 'saveSessionTemplate', args: { name: 'Mine', body: 'x' } });
    const versionBefore = ((await request({ t: 'status' })) as StoreStatus).dataVersion;

    await request({ t: 'flush' });

    const status = (await request({ t: 'status' })) as StoreStatus;
    expect(Object.values(status.counts).every((count) => count === 0)).toBe(true);
    expect(status).toMatchObject({ watermarks: {}, lastSyncAt: null, recentChanges: [] });
    expect(status.dataVersion).toBeGreaterThan(versionBefore);
    expect(await db.meta.get(META.pocWithKey)).toBeUndefined();
    expect(await db.chunks.count()).toBe(0);
    expect(toUi).toContainEqual({ t: 'changed', dataVersion: status.dataVersion });

    // A restart finds the user's data and nothing of PeeringDB's.
    db.close();
    await startHost().start();
    const ready = await waitForUi<Extract<WorkerToUi, { t: 'ready' }>>((m) => m.t === 'ready');
    expect(PDB_TYPES.map((type) => ready.status.counts[type])).toEqual(PDB_TYPES.map(() => 0));
    expect(await request({ t: 'query', name: 'listMyNetworks', args: {} })).toEqual([174, 3356]);
    expect(await db.peerStates.get(64501)).toMatchObject({ state: 'peered', note: 'since 2020' });
    expect(await db.templates.get('peering-request')).toMatchObject({ subject: 'Hi' });
    expect(await db.requestLog.toArray()).toMatchObject([{ peerAsn: 64502, to: ['p@example.net'] }]);
    expect(await db.peerStates.get(64502)).toMatchObject({ state: 'requested' });
    expect(await request({ t: 'query', name: 'requestOverview', args: {} })).toMatchObject({ followUpDays: 9 });
    expect(await db.sessionTemplates.count()).toBe(1);
  });
});

describe('a sync port', () => {
  it('applies pages sent over the port in order, acks each, and tells the UI', async () => {
    await startHost().start();
    const channel = new MessageChannel();
    const fromStore: StoreToMain[] = [];
    const pending: { count: number; resolve: () => void }[] = [];
    channel.port1.onmessage = (event: MessageEvent<StoreToMain>) => {
      fromStore.push(event.data);
      for (const p of [...pending]) if (fromStore.length >= p.count) p.resolve();
    };
    const received = (count: number) =>
      fromStore.length >= count ? Promise.resolve() : new Promise<void>((resolve) => pending.push({ count, resolve }));

    await host.handle({ t: 'sync-port', jobId: 'job-port', port: channel.port2 });
    const messages: MainToStore[] = [
      { t: 'hello', jobId: 'job-port', source: 'api', withKey: false },
      { t: 'state?' },
      pageOf('org', [orgRow(1)], { complete: false }),
      pageOf('org', [orgRow(2), orgRow(1, { name: 'Renamed', updated: '2026-04-01T00:00:00Z' })]),
      { ...pageOf('net', []), rowsJson: 'garbage' },
      { t: 'end', outcome: 'done' },
    ];
    // Sent all at once: the store must still apply them one after the other.
    for (const message of messages) channel.port1.postMessage(message);
    await received(4);

    expect(fromStore.map((m) => m.t)).toEqual(['state', 'ack', 'ack', 'nack']);
    expect(fromStore[2]).toMatchObject({ t: 'ack', stored: 2 });
    // One 'changed' per committed page, then one when the job has ended and its log is written.
    await waitForUi(() => toUi.filter((m) => m.t === 'changed').length === 3);
    expect(toUi.filter((m) => m.t === 'changed')).toEqual([1, 2, 2].map((dataVersion) => ({ t: 'changed', dataVersion })));
    expect(copy.get('org', 1)?.name).toBe('Renamed');
    const status = (await request({ t: 'status' })) as StoreStatus;
    expect(status.recentChanges[0]).toMatchObject({ jobId: 'job-port', perType: { org: { added: 2, updated: 0, deleted: 0 } } });
    channel.port1.close();
  });

  it("holds a job's messages until the job before it has its history moment, so history reads a copy no sync is changing", async () => {
    await startHost().start();
    const fromStore = new Map<string, StoreToMain[]>();
    const waiting: { jobId: string; t: StoreToMain['t']; resolve: () => void }[] = [];
    const openPort = async (jobId: string) => {
      const channel = new MessageChannel();
      fromStore.set(jobId, []);
      channel.port1.onmessage = (event: MessageEvent<StoreToMain>) => {
        fromStore.get(jobId)!.push(event.data);
        for (const waiter of waiting.filter((w) => w.jobId === jobId && w.t === event.data.t)) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve();
        }
      };
      await host.handle({ t: 'sync-port', jobId, port: channel.port2 });
      return {
        send: (...messages: MainToStore[]) => messages.forEach((message) => channel.port1.postMessage(message)),
        received: (t: StoreToMain['t']) =>
          fromStore.get(jobId)!.some((m) => m.t === t) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ jobId, t, resolve })),
        close: () => channel.port1.close(),
      };
    };

    const first = await openPort('job-1');
    const second = await openPort('job-2');
    first.send(
      { t: 'hello', jobId: 'job-1', source: 'api', withKey: false },
      pageOf('net', [netRow(694, { asn: 8075 })]),
      pageOf('netixlan', [netixlanRow(1)]),
      { t: 'end', outcome: 'done' },
    );
    // The next job asks for the store's state at once, as main does when a sync starts.
    second.send({ t: 'hello', jobId: 'job-2', source: 'api', withKey: false }, { t: 'state?' });
    await second.received('state');
    expect(await db.historyMoments.count()).toBe(1);

    second.send(pageOf('netixlan', [netixlanRow(2, { asn: 64_500, updated: '2026-04-01T00:00:00Z' })]), { t: 'end', outcome: 'done' });
    // Each job: its page commits, its end, then its history moment.
    await waitForUi(() => toUi.filter((m) => m.t === 'changed').length === 7);
    expect(await db.historyMoments.count()).toBe(2);
    first.close();
    second.close();
  });
});
