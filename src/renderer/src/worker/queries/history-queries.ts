/**
 * History's queries: the review queue and its count, exchange statistics, an exchange's and a
 * network's history, and what history covers. "Where my networks are" is decided here, from
 * my ASNs and the copy as it is now, so it follows my list as it changes.
 */
import { z } from '../../../../shared/zod-without-eval';
import type { LocalCopy } from '../copy/local-copy';
import type { QueryHandlers, StoreContext } from '../context';
import { checkedArgs } from '../checked-args';
import { coverageOf, exchangeHistory, exchangeStatistics, networkHistory } from '../history/analytics';
import type { HistoryModel } from '../history/model';
import { historyRecorderFor } from '../history/recorder';
import type { ReviewBatchRecord, ReviewItemRecord } from '../history/records';
import { myAsnsInOrder } from './user-data-queries';
import type {
  ExchangeStatisticsArgs,
  ExchangeStatisticsResult,
  ReviewBatch,
  ReviewEntry,
  ReviewKind,
  ReviewQueueArgs,
  ReviewQueueResult,
} from '../../protocol/history';

/** The latest syncs the queue lists; older ones show only while they hold something new. */
const LISTED_BATCHES = 60;

const REVIEW_KINDS = [
  'joined',
  'returned',
  'left',
  'speed-up',
  'speed-down',
  'rs-on',
  'rs-off',
  'policy',
  'policy-contact',
  'net-deleted',
] as const satisfies readonly ReviewKind[];

const reviewQueueArgs = z.object({
  scope: z.enum(['mine', 'everywhere']),
  myAsn: z.number().int().positive().nullish(),
  placeKey: z.string().regex(/^(ix|fac):\d+$/, 'A place is written ix:ID or fac:ID').nullish(),
  kind: z.enum(REVIEW_KINDS).nullish(),
});
const id = z.number().int().positive();

/**
 * The places of my networks as last worked out, with the copy's version and the ASNs they
 * were worked out for: the review counts are asked again at every change notice, and reading
 * every port and presence each time made each of them a long question.
 */
const lastPlaces = new WeakMap<LocalCopy, { version: number; asns: string; places: Map<number, Set<string>> }>();

/** The places ("ix:1", "fac:2") each of my networks is at, by port ASN at exchanges. */
function placesOfMine(copy: LocalCopy, myAsns: readonly number[]): ReadonlyMap<number, ReadonlySet<string>> {
  const asns = myAsns.join(',');
  const last = lastPlaces.get(copy);
  if (last && last.version === copy.version && last.asns === asns) return last.places;
  const places = readPlacesOfMine(copy, myAsns);
  lastPlaces.set(copy, { version: copy.version, asns, places });
  return places;
}

function readPlacesOfMine(copy: LocalCopy, myAsns: readonly number[]): Map<number, Set<string>> {
  const byAsn = new Map(myAsns.map((asn) => [asn, new Set<string>()]));
  for (const port of copy.rows.netixlan.values()) byAsn.get(port.asn)?.add(`ix:${port.ix_id}`);
  const asnOfNet = new Map<number, number>();
  for (const net of copy.rows.net.values()) if (byAsn.has(net.asn)) asnOfNet.set(net.id, net.asn);
  for (const presence of copy.rows.netfac.values()) {
    const asn = asnOfNet.get(presence.net_id) ?? (byAsn.has(presence.local_asn) ? presence.local_asn : undefined);
    if (asn !== undefined) byAsn.get(asn)!.add(`fac:${presence.fac_id}`);
  }
  return byAsn;
}

type Relevance = (item: ReviewItemRecord) => boolean;

/** Whether an entry concerns these of my networks: one of them changed, or it happened where they are. */
function concerns(asns: readonly number[], places: ReadonlyMap<number, ReadonlySet<string>>): Relevance {
  const mine = new Set(asns);
  const where = new Set<string>();
  for (const asn of asns) for (const place of places.get(asn) ?? []) where.add(place);
  return (item) => mine.has(item.asn) || item.placeKeys.some((key) => where.has(key));
}

function readMyAsns(ctx: StoreContext): Promise<number[]> {
  return myAsnsInOrder(ctx.db);
}

function toEntry(item: ReviewItemRecord): ReviewEntry {
  return {
    id: item.id!,
    batchId: item.batchId,
    kind: item.kind,
    asn: item.asn,
    netId: item.netId,
    netName: item.netName,
    place: item.place,
    before: item.before,
    after: item.after,
    note: item.note,
    isNew: item.seen === 0,
  };
}

function toBatch(batch: ReviewBatchRecord, shown: number): ReviewBatch {
  return {
    id: batch.id!,
    endedAt: batch.endedAt,
    source: batch.source,
    comparedWith: batch.comparedWith,
    note: batch.note,
    total: batch.total,
    shown,
    dropped: batch.dropped,
  };
}

async function reviewQueue(ctx: StoreContext, rawArgs: ReviewQueueArgs): Promise<ReviewQueueResult & { problems: string[] }> {
  const args = checkedArgs(reviewQueueArgs, rawArgs);
  const { db, copy } = ctx;
  const myAsns = await readMyAsns(ctx);
  const places = placesOfMine(copy, myAsns);

  const { batches, items } = await db.transaction('r', [db.reviewBatches, db.reviewItems], async () => {
    const recent = await db.reviewBatches.orderBy('id').reverse().limit(LISTED_BATCHES).toArray();
    const recentIds = recent.map((batch) => batch.id!);
    const listed = await db.reviewItems.where('batchId').anyOf(recentIds).toArray();
    // Several syncs between two looks lose nothing: whatever is new stays listed, however old.
    const olderNew = (await db.reviewItems.where('seen').equals(0).toArray()).filter((item) => !recentIds.includes(item.batchId));
    const olderIds = [...new Set(olderNew.map((item) => item.batchId))];
    const older = olderIds.length ? (await db.reviewBatches.bulkGet(olderIds)).filter((batch) => batch !== undefined) : [];
    return { batches: [...recent, ...older], items: [...listed, ...olderNew] };
  });

  const inScope: Relevance = args.scope === 'mine' ? concerns(myAsns, places) : () => true;
  const ofMyNetwork: Relevance = args.myAsn ? concerns([args.myAsn], places) : () => true;
  const ofKind: Relevance = args.kind ? (item) => item.kind === args.kind : () => true;
  const atPlace: Relevance = args.placeKey ? (item) => item.placeKeys.includes(args.placeKey!) : () => true;

  const placeOptions = new Map<string, string>();
  const shownPerBatch = new Map<number, number>();
  const entries: ReviewEntry[] = [];
  for (const item of items) {
    if (!inScope(item) || !ofMyNetwork(item) || !ofKind(item)) continue;
    if (item.place) placeOptions.set(`${item.place.kind}:${item.place.id}`, item.place.name || `${item.place.kind === 'ix' ? 'IXP' : 'Facility'} ${item.place.id}`);
    if (!atPlace(item)) continue;
    entries.push(toEntry(item));
    shownPerBatch.set(item.batchId, (shownPerBatch.get(item.batchId) ?? 0) + 1);
  }
  entries.sort((a, b) => b.batchId - a.batchId || a.id - b.id);

  const names = new Map<number, string>();
  for (const net of copy.rows.net.values()) if (myAsns.includes(net.asn) && !names.has(net.asn)) names.set(net.asn, net.name);

  return {
    batches: batches.sort((a, b) => b.id! - a.id!).map((batch) => toBatch(batch, shownPerBatch.get(batch.id!) ?? 0)),
    entries,
    myNetworks: myAsns.map((asn) => ({ asn, name: names.get(asn) ?? '' })),
    places: [...placeOptions].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name)),
    noNetworks: myAsns.length === 0,
    problems: [...historyRecorderFor(ctx).problems],
  };
}

async function reviewCounts(ctx: StoreContext): Promise<{ newCount: number }> {
  const myAsns = await readMyAsns(ctx);
  const unseen = await ctx.db.reviewItems.where('seen').equals(0).toArray();
  if (myAsns.length === 0) return { newCount: unseen.length };
  const relevant = concerns(myAsns, placesOfMine(ctx.copy, myAsns));
  return { newCount: unseen.filter(relevant).length };
}

/** Statistics are worth keeping between asks: they walk every membership of history. */
const statisticsMemo = new WeakMap<HistoryModel, Map<string, ExchangeStatisticsResult>>();

function memoisedStatistics(model: HistoryModel, myAsns: number[], mineOnly: boolean): ExchangeStatisticsResult {
  const key = `${model.version}|${mineOnly}|${myAsns.join(',')}`;
  let memo = statisticsMemo.get(model);
  if (!memo) statisticsMemo.set(model, (memo = new Map()));
  let result = memo.get(key);
  if (!result) {
    // Older versions' answers are of no further use.
    memo.clear();
    result = exchangeStatistics(model, new Set(myAsns), mineOnly);
    memo.set(key, result);
  }
  return result;
}

export const historyQueries = {
  /** What changed where my networks are (or everywhere), newest sync first. */
  reviewQueue,
  /** Changes not looked at yet where my networks are, for the navigation. */
  reviewCounts: (ctx: StoreContext, _args: Record<string, never>) => reviewCounts(ctx),
  exchangeStatistics: async (ctx: StoreContext, args: ExchangeStatisticsArgs) => {
    const { mineOnly } = checkedArgs(z.object({ mineOnly: z.boolean() }), args);
    const myAsns = await readMyAsns(ctx);
    return historyRecorderFor(ctx).read((model) => memoisedStatistics(model, myAsns, mineOnly));
  },
  exchangeHistory: (ctx: StoreContext, args: { ixId: number }) => {
    const { ixId } = checkedArgs(z.object({ ixId: id }), args);
    return historyRecorderFor(ctx).read((model) => exchangeHistory(model, ixId));
  },
  networkHistory: (ctx: StoreContext, args: { netId: number }) => {
    const { netId } = checkedArgs(z.object({ netId: id }), args);
    return historyRecorderFor(ctx).read((model) => networkHistory(model, netId));
  },
  historyCoverage: (ctx: StoreContext, _args: Record<string, never>) => historyRecorderFor(ctx).read(coverageOf),
} satisfies Partial<QueryHandlers>;
