/**
 * The review queue after syncs: each completed sync is compared with the moment before, and
 * what changed where my networks are is listed, new until looked at. The syncs here load the
 * five daily dumps of the history dataset one after the other, as File → Import dump file
 * would, through the real sync endpoint.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_FAC, HISTORY_IX, HISTORY_NETS, historyDayAt, historyDumps } from '../../../../../tools/fake-peeringdb/datasets/history-dumps';
import { PDB_TYPES, type PdbType } from '../../../../shared/peeringdb';
import type { MainToStore } from '../../../../shared/sync';
import type { ReviewEntry, ReviewQueueArgs } from '../../protocol/history';
import { reviewCommands } from '../commands/review-commands';
import type { StoreContext } from '../context';
import { LocalCopy } from '../copy/local-copy';
import { flushPeeringDb } from '../copy/flush';
import { bumpDataVersion } from '../db/meta';
import { openDatabase } from '../db/schema';
import { historyQueries } from '../queries/history-queries';
import { createSyncEndpoint } from '../sync/endpoint';
import { historyRecorderFor } from './recorder';

let ctx: StoreContext;
let dbCounter = 0;
let seq = 0;
/** When set, a job's end waits only for history's reading of the copy, as the store worker's does. */
let writesInFlight: Promise<void>[] | null = null;

/** History's end-of-job hook: awaits the moment written, or (with writesInFlight) only its reading. */
function historyHook() {
  const history = historyRecorderFor(ctx);
  return {
    onJobEnded: async (job: Parameters<typeof history.recordSync>[0]) => {
      const { written } = await history.recordSync(job);
      if (writesInFlight) writesInFlight.push(written);
      else await written;
    },
  };
}

beforeEach(async () => {
  const db = openDatabase(`review-test-${++dbCounter}`);
  await db.open();
  ctx = { db, copy: new LocalCopy(), notifyChanged: () => {} };
  await db.myNetworks.put({ asn: HISTORY_NETS.home.asn, addedAt: 1 });
});

afterEach(async () => {
  writesInFlight = null;
  ctx.db.close();
  await ctx.db.delete();
});

/** Loads the n-th day's dump as a dump import does: every type replaced, then the job's end. */
async function syncDay(n: number, outcome: 'done' | 'cancelled' = 'done'): Promise<void> {
  const endpoint = createSyncEndpoint(ctx, () => {}, historyHook());
  const { dump } = historyDumps()[n]!;
  const messages: MainToStore[] = [{ t: 'hello', jobId: `day-${n}`, source: 'dump', withKey: false }];
  const types: PdbType[] = [];
  for (const type of PDB_TYPES) {
    const rows = (dump as Partial<Record<PdbType, { data: unknown[] }>>)[type]?.data;
    if (!rows) continue;
    types.push(type);
    const rowsJson = JSON.stringify(rows);
    messages.push({ t: 'page', type, seq: ++seq, rowsJson, complete: true, replace: true, fetchedRows: rows.length, bytes: rowsJson.length });
  }
  // The lists take the old rows' place at once, as a dump import's do, only when it completed.
  if (outcome === 'done') {
    messages.push({ t: 'swap', seq: ++seq, types, snapshotAt: Object.fromEntries(types.map((type) => [type, historyDayAt(n)])) });
  }
  messages.push({ t: 'end', outcome });
  for (const message of messages) await endpoint.receive(message);
}

/** An API sync that brings these pages (none: PeeringDB had nothing new). */
async function syncApi(pages: MainToStore[] = []): Promise<void> {
  const endpoint = createSyncEndpoint(ctx, () => {}, historyHook());
  for (const message of [{ t: 'hello', jobId: `api-${++seq}`, source: 'api', withKey: false } as const, ...pages, { t: 'end', outcome: 'done' } as const]) {
    await endpoint.receive(message);
  }
}

async function queue(args: Partial<ReviewQueueArgs> = {}) {
  return historyQueries.reviewQueue(ctx, { scope: 'mine', ...args });
}

const described = (entries: ReviewEntry[]) =>
  entries.map((entry) => [entry.kind, entry.asn, entry.place ? `${entry.place.kind}:${entry.place.id}` : null, entry.before, entry.after]);

const { frankfurt } = HISTORY_IX;
const { alpha, beta, gamma, delta, epsilon, zeta } = HISTORY_NETS;

/** What five days of the history dataset bring, newest sync first: the review's batches and entries. */
const FIVE_DAYS_BATCHES = [
  [null, 0],
  [null, 3],
  [null, 3],
  [null, 2],
  [null, 2],
  ['first', 0],
];
function fiveDaysEntries() {
  return [
    // Day 5: Zeta is deleted from PeeringDB; its leaves say so.
    ['net-deleted', zeta.asn, null, zeta.name, null],
    ['left', zeta.asn, `ix:${frankfurt}`, 10_000, null],
    ['left', zeta.asn, `fac:${HISTORY_FAC}`, null, null],
    // Day 4: Alpha's Policy contact, Beta on the route servers, Gamma back after a gap.
    ['policy-contact', alpha.asn, null, 'Alpha Peering <noc@alpha.example>', 'Alpha Peering <peering@alpha.example>'],
    ['rs-on', beta.asn, `ix:${frankfurt}`, 0, 1],
    ['returned', gamma.asn, `ix:${frankfurt}`, null, 1_000],
    // Day 3: Beta's policy; Epsilon joins.
    ['policy', beta.asn, null, 'Selective', 'Restrictive'],
    ['joined', epsilon.asn, `ix:${frankfurt}`, null, 10_000],
    // Day 2: Alpha's upgrade; Gamma leaves.
    ['speed-up', alpha.asn, `ix:${frankfurt}`, 10_000, 100_000],
    ['left', gamma.asn, `ix:${frankfurt}`, 1_000, null],
  ];
}

describe('the review queue', () => {
  it('lists what each sync changed where my networks are, newest first, and says when nothing changed', async () => {
    for (let day = 0; day < 5; day++) await syncDay(day);
    // The same dump again: a sync that changed nothing.
    await syncDay(4);

    const result = await queue();
    expect(result.batches.map((batch) => [batch.note, batch.total])).toEqual(FIVE_DAYS_BATCHES);
    expect(described(result.entries)).toEqual(fiveDaysEntries());
    expect(result.entries.every((entry) => entry.isNew)).toBe(true);
    expect(result.entries[1]?.note).toBe('The network was deleted from PeeringDB.');
    expect(result.entries[0]).toMatchObject({ netName: zeta.name, place: null });
    expect(result.entries.find((entry) => entry.kind === 'joined')).toMatchObject({
      netId: epsilon.id,
      netName: epsilon.name,
      place: { kind: 'ix', id: frankfurt, name: 'Hist IX Frankfurt', country: 'DE' },
    });
    expect(result.myNetworks).toEqual([{ asn: HISTORY_NETS.home.asn, name: HISTORY_NETS.home.name }]);
    expect(result.places.map((place) => place.name)).toEqual(['Hist DC Frankfurt', 'Hist IX Frankfurt']);
    expect(await historyQueries.reviewCounts(ctx, {})).toEqual({ newCount: 10 });
  });

  it('records each sync as its job left the copy while the next one is already changing it', async () => {
    writesInFlight = [];
    for (let day = 0; day < 5; day++) await syncDay(day);
    await syncApi();
    let written = 0;
    for (const write of writesInFlight) void write.then(() => written++);
    // The syncs went on while history was still writing what they left.
    await Promise.resolve();
    expect(written).toBeLessThan(writesInFlight.length);
    await Promise.all(writesInFlight);
    const result = await queue();
    expect(result.batches.map((batch) => [batch.note, batch.total])).toEqual(FIVE_DAYS_BATCHES);
    expect(described(result.entries)).toEqual(fiveDaysEntries());
    expect(await ctx.db.historyMoments.count()).toBe(6);
  });

  it("stores the next sync's pages while history is still writing the moment before", async () => {
    writesInFlight = [];
    const { db } = ctx;
    const finished: string[] = [];
    const putChunks = db.historyChunks.bulkPut.bind(db.historyChunks);
    let pageStored: Promise<void> | null = null;
    vi.spyOn(db.historyChunks, 'bulkPut').mockImplementation((...args: Parameters<typeof putChunks>) => {
      // History is writing its moment: a page of the next sync commits as the endpoint does,
      // with its rows and the data version in one transaction.
      pageStored ??= Dexie.ignoreTransaction(() => db.transaction('rw', [db.chunks, db.meta], () => bumpDataVersion(db))).then(
        () => void finished.push('page'),
      );
      return putChunks(...args);
    });
    await syncDay(0);
    await writesInFlight[0]!.then(() => finished.push('history'));
    await pageStored;
    expect(finished).toEqual(['page', 'history']);
    expect(await db.historyMoments.count()).toBe(1);
  });

  it('filters by my network (by port ASN), place and kind, or shows everything', async () => {
    for (let day = 0; day < 5; day++) await syncDay(day);
    expect(described((await queue({ kind: 'left' })).entries).map(([, asn]) => asn)).toEqual([zeta.asn, zeta.asn, gamma.asn]);
    expect((await queue({ placeKey: `fac:${HISTORY_FAC}` })).entries.map((entry) => entry.kind)).toEqual(['net-deleted', 'left']);
    expect((await queue({ myAsn: HISTORY_NETS.home.asn })).entries).toHaveLength(10);

    // Delta's ports carry AS64551: as a network of mine by that ASN it is at Frankfurt, not in the facility.
    await ctx.db.myNetworks.clear();
    await ctx.db.myNetworks.put({ asn: delta.portAsn, addedAt: 2 });
    const atFrankfurt = await queue();
    expect(atFrankfurt.entries).toHaveLength(9);
    expect(atFrankfurt.entries.some((entry) => entry.place?.kind === 'fac')).toBe(false);
    await ctx.db.myNetworks.clear();
    const nobody = await queue();
    expect(nobody.noNetworks).toBe(true);
    expect(nobody.entries).toEqual([]);
    expect((await queue({ scope: 'everywhere' })).entries).toHaveLength(10);
  });

  it('keeps entries new until looked at, across several syncs', async () => {
    for (let day = 0; day < 3; day++) await syncDay(day);
    const first = await queue();
    expect(first.entries.filter((entry) => entry.isNew)).toHaveLength(4);
    await reviewCommands.markReviewSeen(ctx, { ids: first.entries.slice(0, 2).map((entry) => entry.id) });
    await syncDay(3);
    await syncDay(4);
    const later = await queue();
    expect(later.entries.filter((entry) => entry.isNew).map((entry) => entry.kind)).toEqual([
      'net-deleted',
      'left',
      'left',
      'policy-contact',
      'rs-on',
      'returned',
      'speed-up',
      'left',
    ]);
    expect(await historyQueries.reviewCounts(ctx, {})).toEqual({ newCount: 8 });
    await expect(reviewCommands.markReviewSeen(ctx, { ids: [-1] })).rejects.toThrow(/ids/);
  });

  it('adds a moment for a sync that brought nothing, and compares the next one with it', async () => {
    await syncDay(0);
    await syncApi();
    const quiet = await queue();
    expect(quiet.batches.map((batch) => [batch.source, batch.total, batch.note])).toEqual([
      ['api', 0, null],
      ['dump', 0, 'first'],
    ]);
    expect(await ctx.db.historyMoments.count()).toBe(2);

    const port = historyDumps()[0]!.dump.netixlan!.data.find((row) => row.id === 102)!;
    const upgraded = { ...port, speed: 100_000, updated: '2026-03-01T12:00:00Z' };
    const rowsJson = JSON.stringify([upgraded]);
    await syncApi([{ t: 'page', type: 'netixlan', seq: ++seq, rowsJson, complete: true, fetchedRows: 1, bytes: rowsJson.length }]);
    const after = await queue();
    expect(after.batches[0]).toMatchObject({ source: 'api', total: 1 });
    // Compared with the quiet sync's moment, not the dump's before it.
    expect(after.batches[0]!.comparedWith).toBeGreaterThan(historyDayAt(0));
    expect(described(after.entries)).toEqual([['speed-up', alpha.asn, `ix:${frankfurt}`, 10_000, 100_000]]);
    const history = await historyQueries.exchangeHistory(ctx, { ixId: frankfurt });
    expect(history.points.map((point) => point.capacity - history.points[0]!.capacity)).toEqual([0, 90_000]);
  });

  it('records nothing for a sync that did not complete, and keeps history through a flush', async () => {
    await syncDay(0);
    await syncDay(1, 'cancelled');
    expect((await queue()).batches).toHaveLength(1);
    await flushPeeringDb(ctx.db, ctx.copy);
    expect(await ctx.db.historyMoments.count()).toBe(1);
    // After the flush the next load is compared with what history held before it.
    await syncDay(1);
    expect(described((await queue()).entries)).toEqual([
      ['speed-up', alpha.asn, `ix:${frankfurt}`, 10_000, 100_000],
      ['left', gamma.asn, `ix:${frankfurt}`, 1_000, null],
    ]);
  });
});
