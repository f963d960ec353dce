import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Net } from '../../../../shared/peeringdb';
import type { MainToStore, StoreToMain } from '../../../../shared/sync';
import { readDataVersion, readLoadedTypes, readStagedCount, readWatermark } from '../db/meta';
import { META, openDatabase, type ChunkRecord, type PeeringDatabase } from '../db/schema';
import { LocalCopy } from '../copy/local-copy';
import { flushPeeringDb } from '../copy/flush';
import { loadCopy } from '../copy/load';
import { createSyncEndpoint, type SyncEndpoint } from './endpoint';
import { netRow, netixlanRow, pageOf } from './rows.test-support';

let db: PeeringDatabase;
let posted: StoreToMain[];
let dbCounter = 0;

beforeEach(async () => {
  db = openDatabase(`staged-first-load-test-${++dbCounter}`);
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
function expectedAfter(rows: readonly Net[]): Map<number, Net> {
  const expected = new Map<number, Net>();
  for (const row of rows) {
    if (row.status === 'deleted') expected.delete(row.id);
    else expected.set(row.id, row);
  }
  return expected;
}

function pagesOf(rows: readonly Net[], size: number): Net[][] {
  const pages: Net[][] = [];
  for (let start = 0; start < rows.length; start += size) pages.push(rows.slice(start, start + size));
  return pages;
}

async function chunksOfNet(): Promise<ChunkRecord[]> {
  return db.chunks.where('type').equals('net').toArray();
}

/** The type is stored as bucket chunks only: sorted by id, live rows only, nothing staged. */
async function expectOnlyBucketChunks(expected: Map<number, Net>): Promise<void> {
  const chunks = await chunksOfNet();
  expect(chunks.every((chunk) => chunk.key === `net:${chunk.bucket}` && chunk.bucket >= 0)).toBe(true);
  const stored: Net[] = [];
  for (const chunk of chunks) {
    const rows = JSON.parse(chunk.json) as Net[];
    const ids = rows.map((row) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(rows.every((row) => row.status !== 'deleted' && Math.floor(row.id / 1024) === chunk.bucket)).toBe(true);
    expect(chunk.count).toBe(rows.length);
    stored.push(...rows);
  }
  expect(stored).toHaveLength(expected.size);
  expect(await readStagedCount(db, 'net')).toBe(0);
  expect(await db.meta.get(META.staging('net'))).toBeUndefined();
}

describe('a first load from a since-ordered list', () => {
  it('keeps one staging record per page until the type completes, then only bucket chunks', async () => {
    const feed = sinceFeed();
    const pages = pagesOf(feed, 100);
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'));
    for (const [index, rows] of pages.entries()) {
      const page = pageOf('net', rows, { complete: false });
      await send(endpoint, page);
      expect(lastReply()).toMatchObject({ t: 'ack', seq: page.seq });
      // Until it completes the type is staging records only, kept as the page's own text.
      const chunks = await chunksOfNet();
      expect(chunks.map((chunk) => chunk.key).sort()).toEqual(
        Array.from({ length: index + 1 }, (_, n) => `net:s${n + 1}`).sort(),
      );
      expect(chunks.find((chunk) => chunk.key === `net:s${index + 1}`)?.json).toBe(page.rowsJson);
    }
    expect(await readWatermark(db, 'net')).toBe(Date.parse(isoAt(701)) / 1000);
    await send(endpoint, pageOf('net', [], { complete: true }), end());

    const expected = expectedAfter(feed);
    expect(copy.rows.net).toEqual(expected);
    expect((await reloaded()).rows.net).toEqual(expected);
    expect(copy.get('net', 3001)?.name).toBe('Renamed later');
    expect(copy.get('net', 5003)).toBeUndefined();
    await expectOnlyBucketChunks(expected);
    const [summary] = await db.changes.toArray();
    expect(summary!.perType.net).toEqual({ added: expected.size, updated: 0, deleted: 0 });
  });

  it('writes one chunk record per staged page, however many buckets its rows span', async () => {
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
    const bucketsSpanned = new Set(pages[0]!.map((row) => Math.floor(row.id / 1024))).size;
    expect(bucketsSpanned).toBeGreaterThan(10);
    expect(counts).toEqual({ created: 1, updated: 0, deleted: 0 });
    expect(metaWrites.sort()).toEqual([META.dataVersion, META.staging('net'), META.watermark('net')].sort());

    metaWrites.length = 0;
    await send(endpoint, pageOf('net', pages[1]!, { complete: false }));
    expect(counts).toEqual({ created: 2, updated: 0, deleted: 0 });
    expect(metaWrites.sort()).toEqual([META.dataVersion, META.staging('net'), META.watermark('net')].sort());
  });

  it('resumes after a kill mid-type: committed pages are on disk, staging continues, completion compacts', async () => {
    const feed = sinceFeed();
    const pages = pagesOf(feed, 100);
    const first = await startWorker();
    await send(first.endpoint, hello('killed'));
    for (const rows of pages.slice(0, 3)) await send(first.endpoint, pageOf('net', rows, { complete: false }));
    // Killed here: no end, no complete page.

    const committed = feed.slice(0, 300);
    const afterKill = await startWorker();
    expect(afterKill.copy.rows.net).toEqual(expectedAfter(committed));
    const watermark = await readWatermark(db, 'net');
    expect(watermark).toBe(Date.parse(isoAt(299)) / 1000);

    // Main resumes from the watermark; the one-second lookback brings row 299 again.
    const resumed = [feed[299]!, ...feed.slice(300)];
    const resumedPages = pagesOf(resumed, 100);
    await send(afterKill.endpoint, hello('resumed'), pageOf('net', resumedPages[0]!, { complete: false }));
    expect((await chunksOfNet()).map((chunk) => chunk.key).sort()).toEqual(['net:s1', 'net:s2', 'net:s3', 'net:s4']);
    for (const rows of resumedPages.slice(1)) await send(afterKill.endpoint, pageOf('net', rows, { complete: false }));
    await send(afterKill.endpoint, pageOf('net', [], { complete: true }), end());

    const expected = expectedAfter(feed);
    expect(afterKill.copy.rows.net).toEqual(expected);
    expect((await reloaded()).rows.net).toEqual(expected);
    await expectOnlyBucketChunks(expected);
  });

  it('pages passed on as PeeringDB answered them are staged as they came and load back after a kill', async () => {
    const feed = sinceFeed();
    const answers = pagesOf(feed, 100).map((rows) => {
      const page = pageOf('net', rows, { complete: false });
      return { ...page, rowsJson: JSON.stringify({ data: rows, meta: {} }) };
    });
    const first = await startWorker();
    await send(first.endpoint, hello('answers'), ...answers.slice(0, 4));
    expect(posted.filter((reply) => reply.t === 'ack')).toHaveLength(4);
    expect((await chunksOfNet()).find((chunk) => chunk.key === 'net:s2')?.json).toBe(answers[1]!.rowsJson);
    // Killed here.

    const afterKill = await startWorker();
    expect(afterKill.copy.rows.net).toEqual(expectedAfter(feed.slice(0, 400)));
    await send(afterKill.endpoint, hello('resumed'), ...answers.slice(4), pageOf('net', [], { complete: true }), end());
    const expected = expectedAfter(feed);
    expect((await reloaded()).rows.net).toEqual(expected);
    await expectOnlyBucketChunks(expected);
  });

  it('a kill after a row was deleted later in the feed does not bring the row back on reload', async () => {
    const earlier = [netRow(10, { updated: isoAt(1) }), netRow(2000, { updated: isoAt(2) })];
    const later = [netRow(10, { status: 'deleted', updated: isoAt(3) }), netRow(4000, { updated: isoAt(4) })];
    const { endpoint } = await startWorker();
    await send(endpoint, hello('killed'), pageOf('net', earlier, { complete: false }), pageOf('net', later, { complete: false }));

    const fresh = await reloaded();
    expect([...fresh.rows.net.keys()].sort((a, b) => a - b)).toEqual([2000, 4000]);
  });

  it('a failing transaction while staging moves no record, no watermark, no copy and no data version', async () => {
    const pages = pagesOf(sinceFeed(), 100);
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', pages[0]!, { complete: false }));
    const before = {
      chunks: await chunksOfNet(),
      watermark: await readWatermark(db, 'net'),
      staged: await readStagedCount(db, 'net'),
      version: await readDataVersion(db),
      rows: new Map(copy.rows.net),
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
    expect(await readStagedCount(db, 'net')).toBe(before.staged);
    expect(await readDataVersion(db)).toBe(before.version);
    expect(copy.rows.net).toEqual(before.rows);

    // The same page sent again once the disk has room is staged next, with no gap.
    db.meta.hook('creating').unsubscribe(onCreate);
    db.meta.hook('updating').unsubscribe(onUpdate);
    await send(endpoint, pageOf('net', pages[1]!, { complete: false }));
    expect((await chunksOfNet()).map((chunk) => chunk.key).sort()).toEqual(['net:s1', 'net:s2']);
  });

  it('a failing compaction leaves the type staged and whole; the next completing page writes it out', async () => {
    const feed = sinceFeed();
    const pages = pagesOf(feed, 200);
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'));
    for (const rows of pages) await send(endpoint, pageOf('net', rows, { complete: false }));
    const staged = await chunksOfNet();
    const version = await readDataVersion(db);

    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.chunks.hook('creating', quota);
    const completing = pageOf('net', [], { complete: true });
    await send(endpoint, completing, end());
    // The page itself was stored (it brought nothing but the mark that the type is loaded);
    // only writing the type out failed.
    expect(lastReply()).toMatchObject({ t: 'ack', seq: completing.seq });
    expect(await chunksOfNet()).toEqual(staged);
    expect(await readStagedCount(db, 'net')).toBe(staged.length);
    expect(await readDataVersion(db)).toBe(version + 1);
    expect(await readLoadedTypes(db)).toEqual(new Set(['net']));
    expect((await reloaded()).rows.net).toEqual(copy.rows.net);
    expect(copy.rows.net).toEqual(expectedAfter(feed));

    db.chunks.hook('creating').unsubscribe(quota);
    await send(endpoint, hello('next'), pageOf('net', [], { complete: true }), end());
    await expectOnlyBucketChunks(expectedAfter(feed));
    expect((await reloaded()).rows.net).toEqual(expectedAfter(feed));
  });

  it('writing the type out does not move the data version: the rows it holds are the same', async () => {
    const { endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', sinceFeed(), { complete: false }));
    const version = await readDataVersion(db);
    await send(endpoint, pageOf('net', [], { complete: true }));
    // Once, for the page that says the type is now loaded (the copy's status changed).
    expect(await readDataVersion(db)).toBe(version + 1);
    expect((await chunksOfNet()).every((chunk) => chunk.bucket >= 0)).toBe(true);
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

describe('after and around staging', () => {
  it('a later sync merges into the bucket chunks and stages nothing', async () => {
    const feed = sinceFeed();
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', feed, { complete: false }), pageOf('net', [], { complete: true }), end());
    const bucketCount = (await chunksOfNet()).length;

    await send(endpoint, hello('later'), pageOf('net', [netRow(7, { name: 'Changed', updated: isoAt(900) })], { complete: false }));
    expect((await chunksOfNet()).every((chunk) => chunk.bucket >= 0)).toBe(true);
    // Network 7 joins bucket 0, which the first load wrote.
    expect(await chunksOfNet()).toHaveLength(bucketCount);
    await send(endpoint, pageOf('net', [], { complete: true }), end());
    expect((await reloaded()).get('net', 7)?.name).toBe('Changed');
    expect((await reloaded()).rows.net).toEqual(copy.rows.net);
  });

  it('a full list replacing a staged type clears its staging records', async () => {
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', sinceFeed().slice(0, 100), { complete: false }), end('cancelled'));
    expect(await readStagedCount(db, 'net')).toBe(1);

    await send(
      endpoint,
      hello('replace'),
      pageOf('net', [netRow(1), netRow(5000)], { replace: true, complete: true }),
      { t: 'swap', seq: 9999, types: ['net'] },
      end(),
    );
    expect([...copy.rows.net.keys()].sort((a, b) => a - b)).toEqual([1, 5000]);
    expect([...(await reloaded()).rows.net.keys()].sort((a, b) => a - b)).toEqual([1, 5000]);
    expect((await chunksOfNet()).map((chunk) => chunk.key).sort()).toEqual(['net:0', 'net:4']);
    expect(await readStagedCount(db, 'net')).toBe(0);
  });

  it('a flush removes staging records and their count', async () => {
    const { copy, endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', sinceFeed().slice(0, 100), { complete: false }));
    await flushPeeringDb(db, copy);
    expect(await db.chunks.count()).toBe(0);
    expect(await db.meta.get(META.staging('net'))).toBeUndefined();

    // The list goes on after the flush: it starts staging afresh and completes.
    await send(endpoint, pageOf('net', [netRow(3, { updated: isoAt(5) })], { complete: false }));
    expect((await chunksOfNet()).map((chunk) => chunk.key)).toEqual(['net:s1']);
    await send(endpoint, pageOf('net', [], { complete: true }), end());
    expect([...(await reloaded()).rows.net.keys()]).toEqual([3]);
    expect((await chunksOfNet()).map((chunk) => chunk.key)).toEqual(['net:0']);
  });

  it('a snapshot first load (id-ordered pages) goes straight into bucket chunks', async () => {
    const { endpoint } = await startWorker();
    await send(endpoint, hello('cache'), pageOf('net', [netRow(1), netRow(2)], { complete: false, snapshotAt: 1_776_300_000 }));
    expect((await chunksOfNet()).map((chunk) => chunk.key)).toEqual(['net:0']);
    expect(await readStagedCount(db, 'net')).toBe(0);
  });

  it('a quiet resync of a compacted type writes nothing', async () => {
    const { endpoint } = await startWorker();
    await send(endpoint, hello('first'), pageOf('net', sinceFeed(), { complete: false }), pageOf('net', [], { complete: true }), end());
    const version = await readDataVersion(db);
    const chunks = await chunksOfNet();
    await send(endpoint, hello('quiet'), pageOf('net', [], { complete: true }), end());
    expect(await readDataVersion(db)).toBe(version);
    expect(await chunksOfNet()).toEqual(chunks);
  });
});
