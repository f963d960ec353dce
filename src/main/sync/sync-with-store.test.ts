/**
 * The whole sync path in Node: this controller, the fake PeeringDB on loopback, and the
 * real store endpoint on Dexie (fake-indexeddb), joined by an in-memory port.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakePeeringDb, type FakePeeringDb } from '../../../tools/fake-peeringdb/server';
import { PDB_TYPES, type PdbType } from '../../shared/peeringdb';
import type { MainToStore, StoreToMain, SyncProgress } from '../../shared/sync';
import { readWatermarks } from '../../renderer/src/worker/db/meta';
import { openDatabase, type PeeringDatabase } from '../../renderer/src/worker/db/schema';
import { LocalCopy } from '../../renderer/src/worker/copy/local-copy';
import { loadCopy } from '../../renderer/src/worker/copy/load';
import { createSyncEndpoint } from '../../renderer/src/worker/sync/endpoint';
import { createSyncController } from './controller';
import { idsOf, smallDataset, T0 } from '../../../tools/fake-peeringdb/datasets/small';
import type { StoreLink, SyncConfig, SyncController } from './types';

const dataset = smallDataset();

/** The store worker of one app run: its database, its copy, and the ports main opens to it. */
class StoreWorker {
  readonly copy = new LocalCopy();
  private readonly links = new Set<{ closeFromStore(): void }>();
  /** Called with each page message before the store applies it. */
  onPage: ((page: Extract<MainToStore, { t: 'page' }>) => void) | null = null;

  constructor(readonly db: PeeringDatabase) {}

  async start(): Promise<this> {
    await loadCopy(this.db, this.copy);
    return this;
  }

  openLink = (): StoreLink => {
    const messageListeners: ((message: StoreToMain) => void)[] = [];
    const closeListeners: (() => void)[] = [];
    let closed = false;
    const endpoint = createSyncEndpoint({ db: this.db, copy: this.copy }, (reply) => {
      const copy = structuredClone(reply);
      setTimeout(() => {
        if (!closed) for (const listener of messageListeners) listener(copy);
      }, 0);
    });
    const link = {
      closeFromStore: () => {
        closed = true;
        for (const listener of closeListeners) listener();
      },
    };
    this.links.add(link);
    return {
      send: (message) => {
        if (closed) return;
        const copy = structuredClone(message);
        if (copy.t === 'page') this.onPage?.(copy);
        // A kill in onPage takes the page down with it, before it reaches the database.
        if (closed) return;
        void endpoint.receive(copy).catch(() => undefined);
      },
      onMessage: (listener) => void messageListeners.push(listener),
      onClose: (listener) => void closeListeners.push(listener),
      close: () => {
        closed = true;
        this.links.delete(link);
      },
    };
  };

  /** The app dies: its window and worker are gone without a goodbye. */
  kill(): void {
    for (const link of this.links) link.closeFromStore();
    this.links.clear();
  }

  ids(type: PdbType): number[] {
    return [...this.copy.rows[type].keys()].sort((a, b) => a - b);
  }
}

let fake: FakePeeringDb;
let db: PeeringDatabase;
let config: SyncConfig;
let events: SyncProgress[];
let dbCounter = 0;

beforeEach(async () => {
  fake = await startFakePeeringDb({ data: dataset, now: T0 });
  db = openDatabase(`sync-with-store-${++dbCounter}`);
  await db.open();
  config = { baseUrl: fake.apiUrl, apiKey: null, cacheUrl: fake.cacheUrl };
  events = [];
});

afterEach(async () => {
  db.close();
  await db.delete();
  await fake.stop();
});

function controllerFor(worker: StoreWorker): SyncController {
  return createSyncController({
    openStoreLink: worker.openLink,
    emitProgress: (progress) => events.push(progress),
    getConfig: () => config,
    fetch,
    appVersion: '1.2.3',
    tuning: { pageSize: 10, pageOverlap: 0, progressIntervalMs: 10 },
  });
}

async function sync(controller: SyncController): Promise<SyncProgress> {
  expect(controller.start('user')).toEqual({ started: true });
  await controller.idle();
  return events.at(-1)!;
}

const expectedIds = (type: PdbType) =>
  idsOf(dataset, type, (row) => row.status !== 'deleted' && (type !== 'poc' || row.visible === 'Public')).sort((a, b) => a - b);

describe('sync into the real store', () => {
  it('first load from the bulk cache, then an incremental resync with changes and deletions', async () => {
    const worker = await new StoreWorker(db).start();
    const controller = controllerFor(worker);
    expect(await sync(controller)).toMatchObject({ phase: 'done', source: 'cache' });
    for (const type of PDB_TYPES) expect(worker.ids(type)).toEqual(expectedIds(type));
    const watermarks = await readWatermarks(db);
    for (const type of PDB_TYPES) expect(watermarks[type]).toBe(fake.cacheGeneratedAt);

    fake.tick(120);
    fake.update('net', 4, { name: 'Network Four, renamed' });
    fake.cascadeDelete('net', 9);
    const joined = fake.add('netixlan', { net_id: 2, ix_id: 1, ixlan_id: 1, asn: 64_502, speed: 400_000, ipaddr4: '192.0.2.200' });
    fake.clearRequests();

    const end = await sync(controller);
    expect(end).toMatchObject({ phase: 'done', source: 'api' });
    expect(fake.requests.every((r) => Number(r.query.since) === Math.floor(fake.cacheGeneratedAt) - 1)).toBe(true);
    expect(worker.copy.get('net', 4)?.name).toBe('Network Four, renamed');
    expect(worker.copy.get('net', 9)).toBeUndefined();
    const deletedNetixlans = idsOf(dataset, 'netixlan', (row) => row.net_id === 9);
    for (const id of deletedNetixlans) expect(worker.copy.get('netixlan', id)).toBeUndefined();
    expect(worker.copy.get('netixlan', joined.id)?.ipaddr4).toBe('192.0.2.200');
    expect((await readWatermarks(db)).net).toBe(fake.now());

    // The database holds what the copy holds: a restart sees the same data.
    const restarted = await new StoreWorker(db).start();
    for (const type of PDB_TYPES) expect(restarted.ids(type)).toEqual(worker.ids(type));
    const changes = await db.changes.toArray();
    expect(changes.at(-1)?.perType.net).toMatchObject({ updated: 1, deleted: 1 });
  });

  it('resumes a type the app was killed in without refetching what it stored', async () => {
    config.cacheUrl = null;
    const first = await new StoreWorker(db).start();
    let netPages = 0;
    first.onPage = (page) => {
      if (page.type === 'net' && ++netPages === 3) first.kill();
    };
    const stopped = await sync(controllerFor(first));
    expect(stopped.phase).toBe('cancelled');

    // The next run starts from the disk alone.
    const second = await new StoreWorker(db).start();
    const storedNet = new Set(second.ids('net'));
    expect(storedNet.size).toBe(20);
    const watermark = (await readWatermarks(db)).net!;
    fake.clearRequests();
    const receivedNet: number[] = [];
    second.onPage = (page) => {
      if (page.type === 'net') {
        const value = JSON.parse(page.rowsJson) as { id: number }[] | { data: { id: number }[] };
        receivedNet.push(...(Array.isArray(value) ? value : value.data).map((r) => r.id));
      }
    };
    expect(await sync(controllerFor(second))).toMatchObject({ phase: 'done' });

    const netRequests = fake.requests.filter((r) => r.pathname === '/api/net');
    expect(netRequests[0]?.query.since).toBe(String(Math.floor(watermark) - 1));
    // Of the stored rows only the one of the watermark's own second comes back (the lookback).
    expect(receivedNet.filter((id) => storedNet.has(id))).toHaveLength(1);
    expect(fake.requests.filter((r) => r.query.since === '1').map((r) => r.pathname)).not.toContain('/api/org');
    for (const type of PDB_TYPES) expect(second.ids(type)).toEqual(expectedIds(type));
  });

  it('imports a dump file, then syncs only what changed after it', async () => {
    const worker = await new StoreWorker(db).start();
    const controller = controllerFor(worker);
    const path = join(mkdtempSync(join(tmpdir(), 'pdb-dump-')), 'peeringdb_2_dump_2026_04_12.json');
    writeFileSync(path, JSON.stringify(dataset));
    expect(controller.importDump(path)).toEqual({ started: true });
    await controller.idle();
    expect(events.at(-1)).toMatchObject({ phase: 'done', source: 'dump' });
    for (const type of PDB_TYPES) {
      expect(worker.ids(type)).toEqual(idsOf(dataset, type).sort((a, b) => a - b));
    }

    fake.tick(30);
    fake.update('ix', 2, { name: 'IX Two, renamed' });
    fake.clearRequests();
    expect(await sync(controller)).toMatchObject({ phase: 'done' });
    expect(fake.requests.filter((r) => r.query.since === '1')).toEqual([]);
    expect(worker.copy.get('ix', 2)?.name).toBe('IX Two, renamed');
  });
});
