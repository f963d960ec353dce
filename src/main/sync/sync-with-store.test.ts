/**
 * The whole sync path in Node: this controller, the fake PeeringDB on loopback, and the
 * real store endpoint on Dexie (fake-indexeddb), joined by an in-memory port.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchTrustingLoopbackTls, LOOPBACK_TLS } from '../../../tools/fake-peeringdb/loopback-tls';
import { startFakePeeringDb, type FakePeeringDb } from '../../../tools/fake-peeringdb/server';
import { PDB_TYPES, type PdbType } from '../../shared/peeringdb';
import { WATERMARK_SKEW_SECONDS, type SyncProgress } from '../../shared/sync';
import { readWatermarks } from '../../renderer/src/worker/db/meta';
import { openDatabase, type PeeringDatabase } from '../../renderer/src/worker/db/schema';
import { createSyncController } from './controller';
import { idsOf, smallDataset, T0 } from '../../../tools/fake-peeringdb/datasets/small';
import { StoreWorker } from './store-worker.test-support';
import type { SyncConfig, SyncController } from './sync-types';

const dataset = smallDataset();

let fake: FakePeeringDb;
let db: PeeringDatabase;
let config: SyncConfig;
let events: SyncProgress[];
let dbCounter = 0;

// The API key goes only over HTTPS: the fake answers over TLS, trusted by this test's fetch only.
const secureFetch = fetchTrustingLoopbackTls();

beforeEach(async () => {
  fake = await startFakePeeringDb({ data: dataset, now: T0, tls: LOOPBACK_TLS });
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
    fetch: secureFetch,
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

/** What a restarted app would load: the ids of every type, from disk. */
async function idsOnDisk(): Promise<Record<PdbType, number[]>> {
  const fresh = await new StoreWorker(db).start();
  return Object.fromEntries(PDB_TYPES.map((type) => [type, fresh.ids(type)])) as Record<PdbType, number[]>;
}

describe('a replacing list that does not complete', () => {
  it('leaves the contacts as they were, whichever page of their reload fails or is cancelled', async () => {
    config.cacheUrl = null;
    fake.addApiKey('key-with-user-rights');
    config.apiKey = 'key-with-user-rights';
    const worker = await new StoreWorker(db).start();
    const controller = controllerFor(worker);
    expect(await sync(controller)).toMatchObject({ phase: 'done' });
    const before = await idsOnDisk();
    expect(before.poc.length).toBeGreaterThan(expectedIds('poc').length);

    // The key is removed: the contacts are read again without it, in pages of ten.
    config.apiKey = null;
    const pages = Math.ceil(before.poc.length / 10) + 1;
    for (let page = 0; page < pages; page++) {
      fake.fail({ path: '/api/poc', when: (r) => r.query.since === '1' && r.query.skip === String(page * 10), with: { status: 400 } });
      expect(await sync(controller), `failing page ${page + 1}`).toMatchObject({ phase: 'error' });
      expect(worker.ids('poc'), `failing page ${page + 1}`).toEqual(before.poc);
      expect(await idsOnDisk(), `failing page ${page + 1}`).toEqual(before);
    }
    for (let page = 1; page < pages; page++) {
      let seen = 0;
      worker.onPage = (message) => {
        if (message.type === 'poc' && message.replace && ++seen === page) controller.cancel();
      };
      expect(await sync(controller), `cancelling at page ${page}`).toMatchObject({ phase: 'cancelled' });
      expect(await idsOnDisk(), `cancelling at page ${page}`).toEqual(before);
    }
    worker.onPage = null;
    expect(await sync(controller)).toMatchObject({ phase: 'done' });
    expect(worker.ids('poc')).toEqual(expectedIds('poc'));
  });

  it('leaves the whole copy as it was, whichever page of a dump import is cancelled', async () => {
    const worker = await new StoreWorker(db).start();
    const controller = controllerFor(worker);
    expect(await sync(controller)).toMatchObject({ phase: 'done' });
    const before = await idsOnDisk();
    const changed = smallDataset();
    changed.net!.data = changed.net!.data.slice(5);
    changed.org!.data = changed.org!.data.slice(0, 3);
    const path = join(mkdtempSync(join(tmpdir(), 'pdb-dump-')), 'peeringdb_2_dump_2026_04_20.json');
    writeFileSync(path, JSON.stringify(changed));

    const pageCount = PDB_TYPES.reduce((sum, type) => sum + Math.ceil((changed[type]?.data.length ?? 0) / 10), 0);
    for (let page = 1; page <= pageCount; page++) {
      let seen = 0;
      worker.onPage = () => {
        if (++seen === page) controller.cancel();
      };
      expect(controller.importDump(path)).toEqual({ started: true });
      await controller.idle();
      expect(events.at(-1), `cancelling at page ${page}`).toMatchObject({ phase: 'cancelled', source: 'dump' });
      expect(await idsOnDisk(), `cancelling at page ${page}`).toEqual(before);
    }
    worker.onPage = null;
    expect(controller.importDump(path)).toEqual({ started: true });
    await controller.idle();
    expect(events.at(-1)).toMatchObject({ phase: 'done' });
    expect(worker.ids('net')).toEqual(idsOf(changed, 'net').sort((a, b) => a - b));
    expect(worker.ids('org')).toEqual([1, 2, 3]);
  });
});

describe('timestamps from the future', () => {
  it("a dump stamped 2100 sets no watermark past now, so the next sync still asks for what changed", async () => {
    const worker = await new StoreWorker(db).start();
    const controller = controllerFor(worker);
    const future = smallDataset();
    const in2100 = Date.UTC(2100, 0, 1) / 1000;
    for (const type of PDB_TYPES) (future[type] as { meta: Record<string, unknown> }).meta = { generated: in2100 };
    const path = join(mkdtempSync(join(tmpdir(), 'pdb-dump-')), 'peeringdb_2_dump_2100_01_01.json');
    writeFileSync(path, JSON.stringify(future));
    const before = Date.now() / 1000;
    expect(controller.importDump(path)).toEqual({ started: true });
    await controller.idle();
    expect(events.at(-1)).toMatchObject({ phase: 'done' });
    const watermarks = await readWatermarks(db);
    for (const type of PDB_TYPES) {
      expect(watermarks[type]).toBeGreaterThanOrEqual(before);
      expect(watermarks[type]).toBeLessThanOrEqual(Date.now() / 1000 + WATERMARK_SKEW_SECONDS);
    }
    fake.clearRequests();
    await sync(controller);
    const since = fake.requests.filter((r) => r.pathname.startsWith('/api/')).map((r) => Number(r.query.since));
    expect(since.length).toBeGreaterThan(0);
    for (const value of since) expect(value).toBeLessThan(Date.now() / 1000 + WATERMARK_SKEW_SECONDS);
  });

  it("a row updated in the future moves the watermark no further than PeeringDB's clock", async () => {
    const data = smallDataset();
    (data.org!.data[2] as { updated: string }).updated = '2100-01-01T00:00:00Z';
    await fake.stop();
    fake = await startFakePeeringDb({ data, now: T0 });
    config = { baseUrl: fake.apiUrl, apiKey: null, cacheUrl: null };
    const worker = await new StoreWorker(db).start();
    expect(await sync(controllerFor(worker))).toMatchObject({ phase: 'done' });
    expect((await readWatermarks(db)).org).toBe(fake.now() + WATERMARK_SKEW_SECONDS);
    // The row itself is kept as PeeringDB gave it.
    expect(worker.copy.get('org', 3)?.updated).toBe('2100-01-01T00:00:00Z');
  });
});
