import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Net } from '../../../../shared/peeringdb';
import type { MainToStore, StoreToMain } from '../../../../shared/sync';
import { readDataVersion, readLoadedTypes, readLogRange, readWatermark } from '../db/meta';
import { CHUNK_IDS, META, openDatabase, type ChunkRecord, type PeeringDatabase } from '../db/schema';
import { LocalCopy, RowMap } from '../copy/local-copy';
import { rowMapOf } from '../copy/local-copy.test-support';
import { flushPeeringDb } from '../copy/flush';
import { loadCopy } from '../copy/load';
import { createSyncEndpoint, type SyncEndpoint } from './endpoint';
import { netRow, netixlanRow, pageOf } from './rows.test-support';

let db: PeeringDatabase;
let posted: StoreToMain[];
let dbCounter = 0;

beforeEach(async () => {
  db = openDatabase(`type-log-test-${++dbCounter}`);
  await db.open();
  posted = [];
});

afterEach(async () => {
  db.close();
  await db.delete();
});

/** One run of the app's store worker: a copy loaded from disk and a sync endpoint over it. */
async function startWorker(): Promise<{ copy: LocalCopy; endpoint: SyncEndpoint }> {
  const copy = new LocalCopy();
  await loadCopy(db, copy);
  return { copy, endpoint: createSyncEndpoint({ db, copy }, (m) => posted.push(m)) };
}

async function send(endpoint: SyncEndpoint, ...messages: MainToStore[]): Promise<void> {
  for (const message of messages) await endpoint.receive(message);
}

async function reloaded(): Promise<LocalCopy> {
  const fresh = new LocalCopy();
  await loadCopy(db, fresh);
  return fresh;
}

const hello = (jobId: string): MainToStore => ({ t: 'hello', jobId, source: 'api', withKey: false });
const end = (outcome: 'done' | 'cancelled' = 'done'): MainToStore => ({ t: 'end', outcome });
let swapSeq = 50_000;
const swap = (...types: Extract<MainToStore, { t: 'swap' }>['types']): MainToStore => ({ t: 'swap', seq: ++swapSeq, types });
const lastReply = () => posted.at(-1) as Extract<StoreToMain, { t: 'ack' | 'nack' }>;

function isoAt(second: number): string {
  return new Date(Date.UTC(2026, 0, 1) + second * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * A `since=1` list as PeeringDB answers it: ordered by `updated`, so consecutive rows land in
 * buckets all over the id range. Network 3001 is renamed later in the feed and network 5003 is
 * deleted later in the feed (PeeringDB lists a row once, at its latest change; the lookback of
 * a resumed list brings some rows twice).
 */
function sinceFeed(): Net[] {
  const rows: Net[] = [];
  for (let i = 0; i < 600; i++) {
    // 600 distinct ids over 0..19999 (7919 and 20000 are coprime): about 20 buckets.
    const id = ((i * 7919) % 20_000) + 1;
    rows.push(netRow(id, { updated: isoAt(i) }));
  }
  rows.push(netRow(3001, { name: 'Renamed later', updated: isoAt(700) }));
  rows.push(netRow(5003, { status: 'deleted', updated: isoAt(701) }));
  return rows;
}

/** What the copy must hold after the feed: every row at its last version, deleted ones gone. */
function expectedAfter(rows: readonly Net[]): RowMap<Net> {
  const expected = new RowMap<Net>();
  for (const row of rows) {
    if (row.status === 'deleted') expected.delete(row.id);
    else expected.set(row.id, row);
  }
  return expected;
}

function pagesOf<T>(rows: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < rows.length; start += size) pages.push(rows.slice(start, start + size));
  return pages;
}

async function chunksOfNet(): Promise<ChunkRecord[]> {
  return db.chunks.where('type').equals('net').toArray();
}

async function keysOfNet(): Promise<string[]> {
  return (await chunksOfNet()).map((chunk) => chunk.key).sort();
}

/** The type is stored as bucket chunks only: sorted by id, live rows only, no log. */
async function expectOnlyBucketChunks(expected: Map<number, Net>): Promise<void> {
  const chunks = await chunksOfNet();
  expect(chunks.every((chunk) => chunk.key === `net:${chunk.bucket}` && chunk.bucket >= 0)).toBe(true);
  const stored: Net[] = [];
  for (const chunk of chunks) {
    const rows = JSON.parse(chunk.json) as Net[];
    const ids = rows.map((row) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(rows.every((row) => row.status !== 'deleted' && Math.floor(row.id / CHUNK_IDS) === chunk.bucket)).toBe(true);
    expect(chunk.count).toBe(rows.length);
    stored.push(...rows);
  }
  expect(stored).toHaveLength(expected.size);
  expect(await readLogRange(db, 'net')).toBeNull();
  expect(await db.meta.get(META.log('net'))).toBeUndefined();
}

describe('a first load from a since-ordered list', () => {
  it('is stored as one log record per page, the page as it came, and loads back the same', async () => {
    const feed = sinceFeed();
    const pages = pagesOf(feed, 100);
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'));
    for (const [index, rows] of pages.entries()) {
      const page = pageOf('net', rows, { complete: false });
      await send(endpoint, page);
      expect(lastReply()).toMatchObject({ t: 'ack', seq: page.seq });
      const chunks = await chunksOfNet();
      expect(chunks.map((chunk) => chunk.key).sort()).toEqual(Array.from({ length: index + 1 }, (_, n) => `net:s${n + 1}`).sort());
      expect(chunks.find((chunk) => chunk.key === `net:s${index + 1}`)?.json).toBe(page.rowsJson);
    }
    expect(await readWatermark(db, 'net')).toBe(Date.parse(isoAt(701)) / 1000);
    await send(endpoint, pageOf('net', [], { complete: true }), end());

    const expected = expectedAfter(feed);
    expect(copy.rows.net).toEqual(expected);
    expect((await reloaded()).rows.net).toEqual(expected);
    expect(copy.get('net', 3001)?.name).toBe('Renamed later');
    expect(copy.get('net', 5003)).toBeUndefined();
    // Two rows of 602 are not live: not worth rewriting the type.
    expect(await readLogRange(db, 'net')).toEqual({ first: 1, last: pages.length, rows: feed.length, base: 0 });
    const [summary] = await db.changes.toArray();
    expect(summary!.perType.net).toEqual({ added: expected.size, updated: 0, deleted: 0 });
  });

  it('writes one record per page, however many buckets its rows span', async () => {
    const { endpoint } = await startWorker();
    const counts = { created: 0, updated: 0, deleted: 0 };
    db.chunks.hook('creating', () => void counts.created++);
    db.chunks.hook('updating', () => void counts.updated++);
    db.chunks.hook('deleting', () => void counts.deleted++);
    const metaWrites: string[] = [];
    db.meta.hook('creating', (key) => void metaWrites.push(key as string));
    db.meta.hook('updating', (_mods, key) => void metaWrites.push(key as string));

    const pages = pagesOf(sinceFeed(), 300);
    await send(endpoint, hello('first'), pageOf('net', pages[0]!, { complete: false }));
    const bucketsSpanned = new Set(pages[0]!.map((row) => Math.floor(row.id / CHUNK_IDS))).size;
    expect(bucketsSpanned).toBeGreaterThan(10);
    expect(counts).toEqual({ created: 1, updated: 0, deleted: 0 });
    expect(metaWrites.sort()).toEqual([META.dataVersion, META.log('net'), META.watermark('net')].sort());

    metaWrites.length = 0;
    await send(endpoint, pageOf('net', pages[1]!, { complete: false }));
    expect(counts).toEqual({ created: 2, updated: 0, deleted: 0 });
    expect(metaWrites.sort()).toEqual([META.dataVersion, META.log('net'), META.watermark('net')].sort());
  });

  it('resumes after a kill mid-type: committed pages are on disk and the log goes on', async () => {
    const feed = sinceFeed();
    const pages = pagesOf(feed, 100);
    const first = await startWorker();
    await send(first.endpoint, hello('killed'));
    for (const rows of pages.slice(0, 3)) await send(first.endpoint, pageOf('net', rows, { complete: false }));
    // Killed here: no end, no complete page.

    const committed = feed.slice(0, 300);
    const afterKill = await startWorker();
    expect(afterKill.copy.rows.net).toEqual(expectedAfter(committed));
    expect(await readWatermark(db, 'net')).toBe(Date.parse(isoAt(299)) / 1000);

    // Main resumes from the watermark; the one-second lookback brings row 299 again.
    const resumed = [feed[299]!, ...feed.slice(300)];
    const resumedPages = pagesOf(resumed, 100);
    await send(afterKill.endpoint, hello('resumed'), pageOf('net', resumedPages[0]!, { complete: false }));
    expect(await keysOfNet()).toEqual(['net:s1', 'net:s2', 'net:s3', 'net:s4']);
    for (const rows of resumedPages.slice(1)) await send(afterKill.endpoint, pageOf('net', rows, { complete: false }));
    await send(afterKill.endpoint, pageOf('net', [], { complete: true }), end());

    const expected = expectedAfter(feed);
    expect(afterKill.copy.rows.net).toEqual(expected);
    expect((await reloaded()).rows.net).toEqual(expected);
  });

  it('pages passed on as PeeringDB answered them are kept as they came and load back after a kill', async () => {
    const feed = sinceFeed();
    const answers = pagesOf(feed, 100).map((rows) => {
      const page = pageOf('net', rows, { complete: false });
      return { ...page, rowsJson: JSON.stringify({ data: rows, meta: {} }) };
    });
    const first = await startWorker();
    await send(first.endpoint, hello('answers'), ...answers.slice(0, 4));
    expect(posted.filter((reply) => reply.t === 'ack')).toHaveLength(4);
    expect((await db.chunks.get('net:s2'))?.json).toBe(answers[1]!.rowsJson);
    // Killed here.

    const afterKill = await startWorker();
    expect(afterKill.copy.rows.net).toEqual(expectedAfter(feed.slice(0, 400)));
    await send(afterKill.endpoint, hello('resumed'), ...answers.slice(4), pageOf('net', [], { complete: true }), end());
    expect((await reloaded()).rows.net).toEqual(expectedAfter(feed));
  });

  it('a kill after a row was deleted later in the feed does not bring the row back on reload', async () => {
    const earlier = [netRow(10, { updated: isoAt(1) }), netRow(2000, { updated: isoAt(2) })];
    const later = [netRow(10, { status: 'deleted', updated: isoAt(3) }), netRow(4000, { updated: isoAt(4) })];
    const { endpoint } = await startWorker();
    await send(endpoint, hello('killed'), pageOf('net', earlier, { complete: false }), pageOf('net', later, { complete: false }));

    const fresh = await reloaded();
    expect([...fresh.rows.net.keys()].sort((a, b) => a - b)).toEqual([2000, 4000]);
  });

  it('a failing transaction moves no record, no watermark, no copy and no data version', async () => {
    const pages = pagesOf(sinceFeed(), 100);
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', pages[0]!, { complete: false }));
    const before = {
      chunks: await chunksOfNet(),
      watermark: await readWatermark(db, 'net'),
      log: await readLogRange(db, 'net'),
      version: await readDataVersion(db),
      rows: rowMapOf(copy.rows.net),
    };

    const failWatermark = (key: unknown) => {
      if (key === META.watermark('net')) throw new Error('QuotaExceededError: the disk is full');
    };
    const onCreate = (key: unknown) => failWatermark(key);
    const onUpdate = (_mods: object, key: unknown) => failWatermark(key);
    db.meta.hook('creating', onCreate);
    db.meta.hook('updating', onUpdate);
    const failing = pageOf('net', pages[1]!, { complete: false });
    await send(endpoint, failing);

    expect(lastReply()).toMatchObject({ t: 'nack', seq: failing.seq });
    expect(await chunksOfNet()).toEqual(before.chunks);
    expect(await readWatermark(db, 'net')).toBe(before.watermark);
    expect(await readLogRange(db, 'net')).toEqual(before.log);
    expect(await readDataVersion(db)).toBe(before.version);
    expect(copy.rows.net).toEqual(before.rows);

    // The same page sent again once the disk has room is logged next, with no gap.
    db.meta.hook('creating').unsubscribe(onCreate);
    db.meta.hook('updating').unsubscribe(onUpdate);
    await send(endpoint, pageOf('net', pages[1]!, { complete: false }));
    expect(await keysOfNet()).toEqual(['net:s1', 'net:s2']);
  });
});

describe('a first load that resumes', () => {
  it('is not loaded until its list completes, and logs no joins or re-added rows for what it brings', async () => {
    const ports = Array.from({ length: 40 }, (_, i) =>
      netixlanRow(i + 1, { ix_id: 1 + (i % 4), asn: 64_500 + i, updated: isoAt(i) }),
    );
    const first = await startWorker();
    await send(first.endpoint, hello('first'), pageOf('netixlan', ports.slice(0, 25), { complete: false }), end('cancelled'));
    expect(await readLoadedTypes(db)).toEqual(new Set());

    // The app restarts and the next sync resumes the list where the watermark says.
    const second = await startWorker();
    await send(
      second.endpoint,
      hello('resumed'),
      pageOf('netixlan', ports.slice(24), { complete: false }),
      pageOf('netixlan', [], { complete: true }),
      end(),
    );
    expect(await readLoadedTypes(db)).toEqual(new Set(['netixlan']));
    expect(second.copy.rows.netixlan.size).toBe(40);
    const resumed = (await db.changes.toArray()).find((change) => change.jobId === 'resumed')!;
    expect(resumed.ixMoves).toEqual([]);
    expect(resumed.perType.netixlan).toEqual({ added: 15, updated: 0, deleted: 0 });
  });
});

describe('changes after the first load', () => {
  it('a page of changes is one more record: nothing stored before is rewritten', async () => {
    const feed = sinceFeed();
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'), ...pagesOf(feed, 200).map((rows) => pageOf('net', rows, { complete: false })));
    await send(endpoint, pageOf('net', [], { complete: true }), end());
    const before = await chunksOfNet();

    // Changes spread over the whole id range, as a day of PeeringDB edits is.
    const changes = [netRow(7, { name: 'Changed', updated: isoAt(900) }), netRow(19_000, { updated: isoAt(901) }), netRow(3001, { status: 'deleted', updated: isoAt(902) })];
    const writes: string[] = [];
    db.chunks.hook('creating', (key) => void writes.push(`put ${String(key)}`));
    db.chunks.hook('updating', (_mods, key) => void writes.push(`update ${String(key)}`));
    db.chunks.hook('deleting', (key) => void writes.push(`delete ${String(key)}`));
    await send(endpoint, hello('later'), pageOf('net', changes), end());

    expect(writes).toEqual([`put net:s${before.length + 1}`]);
    expect(JSON.parse((await db.chunks.get(`net:s${before.length + 1}`))!.json)).toEqual(changes);
    const fresh = await reloaded();
    expect(fresh.get('net', 7)?.name).toBe('Changed');
    expect(fresh.get('net', 3001)).toBeUndefined();
    expect(fresh.rows.net).toEqual(copy.rows.net);
  });

  it('a quiet resync writes nothing', async () => {
    const { endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', sinceFeed(), { complete: false }), pageOf('net', [], { complete: true }), end());
    const version = await readDataVersion(db);
    const chunks = await chunksOfNet();
    await send(endpoint, hello('quiet'), pageOf('net', [], { complete: true }), end());
    expect(await readDataVersion(db)).toBe(version);
    expect(await chunksOfNet()).toEqual(chunks);
  });

  it('loads a database whose log range is a bare count (written by an earlier version)', async () => {
    const rows = [netRow(1), netRow(2)];
    await db.chunks.bulkPut([
      { key: 'net:s1', type: 'net', bucket: -1, json: JSON.stringify(rows), count: 2 },
      { key: 'net:s2', type: 'net', bucket: -2, json: JSON.stringify([netRow(2, { status: 'deleted' })]), count: 1 },
    ]);
    await db.meta.put({ key: META.log('net'), value: 2 });
    const { copy, endpoint } = await startWorker();
    expect([...copy.rows.net.keys()]).toEqual([1]);
    await send(endpoint, hello('next'), pageOf('net', [netRow(3, { updated: isoAt(5) })]), end());
    expect(await keysOfNet()).toEqual(['net:s1', 'net:s2', 'net:s3']);
    expect([...(await reloaded()).rows.net.keys()].sort()).toEqual([1, 3]);
  });
});

describe('compaction', () => {
  /** Networks 1..n, in pages of 2000: a log whose every row a later list replaces. */
  const networks = (count: number, second: number, name = 'Network') =>
    Array.from({ length: count }, (_, i) => netRow(i + 1, { name: `${name} ${i + 1}`, updated: isoAt(second + i) }));

  it('writes a log that holds more replaced rows than live ones out as sorted bucket chunks, with the same copy', async () => {
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'), ...pagesOf(networks(6000, 0), 2000).map((rows) => pageOf('net', rows, { complete: false })));
    await send(endpoint, pageOf('net', [], { complete: true }), end());
    expect(await readLogRange(db, 'net')).toMatchObject({ first: 1, last: 3, rows: 6000 });
    const version = await readDataVersion(db);

    // Every network renamed: the log would hold each of them twice.
    const renamed = networks(6000, 10_000, 'Renamed');
    const pages = pagesOf(renamed, 2000);
    await send(endpoint, hello('renames'), ...pages.map((rows, i) => pageOf('net', rows, { complete: i === pages.length - 1 })), end());

    const expected = rowMapOf(renamed.map((row) => [row.id, row] as const));
    expect(copy.rows.net).toEqual(expected);
    await expectOnlyBucketChunks(expected);
    expect((await reloaded()).rows.net).toEqual(expected);
    // The pages moved it on; writing it out changed no data.
    expect(await readDataVersion(db)).toBe(version + pages.length);
  });

  it('a failing compaction leaves the type as a log, whole; a later page tries again', async () => {
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'), ...pagesOf(networks(6000, 0), 2000).map((rows) => pageOf('net', rows, { complete: false })));
    await send(endpoint, pageOf('net', [], { complete: true }), end());
    const renamed = networks(6000, 10_000, 'Renamed');

    let failing = true;
    db.chunks.hook('creating', (_key, chunk) => {
      if (failing && chunk.bucket >= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const pages = pagesOf(renamed, 2000).map((rows, i) => pageOf('net', rows, { complete: i === 2 }));
    await send(endpoint, hello('renames'), ...pages);
    expect(lastReply()).toMatchObject({ t: 'ack', seq: pages[2]!.seq });
    expect(await readLogRange(db, 'net')).toMatchObject({ first: 1, last: 6, rows: 12_000 });
    expect((await reloaded()).rows.net).toEqual(copy.rows.net);
    await send(endpoint, end());

    failing = false;
    await send(endpoint, hello('next'), pageOf('net', [netRow(1, { name: 'Once more', updated: isoAt(30_000) })]), end());
    expect((await chunksOfNet()).every((chunk) => chunk.bucket >= 0)).toBe(true);
    expect((await reloaded()).rows.net).toEqual(copy.rows.net);
    expect(copy.get('net', 1)?.name).toBe('Once more');
  });
});

describe('full lists that replace a type', () => {
  it('are written as held records that nothing loads until the swap', async () => {
    const { endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', [netRow(1), netRow(2)]), end());
    // A held page is acknowledged once every page held before it is written: the empty page makes sure of the first.
    await send(endpoint, hello('replace'), pageOf('net', [netRow(1), netRow(5000)], { replace: true, complete: false }), pageOf('net', [], { replace: true, complete: false }));
    expect(await keysOfNet()).toEqual(['net:s1', 'net:s2']);
    expect([...(await reloaded()).rows.net.keys()].sort()).toEqual([1, 2]);

    await send(endpoint, pageOf('net', [netRow(6000)], { replace: true, complete: true }), swap('net'), end());
    expect([...(await reloaded()).rows.net.keys()].sort((a, b) => a - b)).toEqual([1, 5000, 6000]);
    expect(await keysOfNet()).toEqual(['net:s2', 'net:s3']);
    expect(await readLogRange(db, 'net')).toEqual({ first: 2, last: 3, rows: 3, base: 0 });
  });

  it('a list cut short by a kill leaves the type as it was; the next list swapped in clears what it left', async () => {
    const first = await startWorker();
    await send(first.endpoint, hello('first'), pageOf('net', [netRow(1), netRow(2)]), end());
    await send(first.endpoint, hello('killed'), pageOf('net', [netRow(7), netRow(8)], { replace: true, complete: false }), pageOf('net', [], { replace: true, complete: false }));
    // Killed here: the held record is on disk (the empty page's ack says so), past the range.
    expect(await keysOfNet()).toEqual(['net:s1', 'net:s2']);

    const second = await startWorker();
    expect([...second.copy.rows.net.keys()].sort()).toEqual([1, 2]);
    await send(second.endpoint, hello('again'), pageOf('net', [netRow(9)], { replace: true }), swap('net'), end());
    expect(await keysOfNet()).toEqual(['net:s3']);
    expect([...(await reloaded()).rows.net.keys()]).toEqual([9]);
  });

  it('a list that ends before its swap takes its held records with it', async () => {
    const { endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', [netRow(1)]), end());
    await send(endpoint, hello('cancelled'), pageOf('net', [netRow(7)], { replace: true, complete: false }), end('cancelled'));
    expect(await keysOfNet()).toEqual(['net:s1']);
  });

  it('replacing a type whose first load is still a log clears that log', async () => {
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', sinceFeed().slice(0, 100), { complete: false }), end('cancelled'));
    expect(await readLogRange(db, 'net')).toMatchObject({ first: 1, last: 1 });

    await send(endpoint, hello('replace'), pageOf('net', [netRow(1), netRow(5000)], { replace: true, complete: true }), swap('net'), end());
    expect([...copy.rows.net.keys()].sort((a, b) => a - b)).toEqual([1, 5000]);
    expect([...(await reloaded()).rows.net.keys()].sort((a, b) => a - b)).toEqual([1, 5000]);
    expect(await keysOfNet()).toEqual(['net:s2']);
  });
});

describe('a flush', () => {
  it('removes log records and their range; a list that goes on afterwards starts a new log', async () => {
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', sinceFeed().slice(0, 100), { complete: false }));
    await flushPeeringDb(db, copy);
    expect(await db.chunks.count()).toBe(0);
    expect(await db.meta.get(META.log('net'))).toBeUndefined();

    await send(endpoint, pageOf('net', [netRow(3, { updated: isoAt(5) })], { complete: false }));
    expect(await keysOfNet()).toEqual(['net:s1']);
    await send(endpoint, pageOf('net', [], { complete: true }), end());
    expect([...(await reloaded()).rows.net.keys()]).toEqual([3]);
  });
});
