/**
 * The store's end of one sync job (see src/shared/sync.ts). Each page is committed in one
 * transaction together with the watermark it earns and the data version, and only then
 * applied to the in-memory copy and acknowledged; main sends the next page after the ack (a
 * resync's small pages of changes may come before it: they are applied in order all the same).
 * A page is appended to its type's log as one record (see LogRange in ../db/schema), its own
 * text where it can be: a page of changes writes one small record whatever ids it touches.
 * Pages of a full list that replaces a type are written as held records, which nothing loads
 * until main says the list is complete (`swap`): then, in one transaction, they become the
 * whole of the type. Until then the old rows answer, and a failure or cancel leaves them as
 * they were. A log that holds too much that is no longer live is compacted after the ack.
 */
import { isPdbType, type PdbRow, type PdbType } from '../../../../shared/peeringdb';
import type { SkipReasons } from '../../../../shared/row-schema';
import {
  watermarkCeiling,
  type HeldRowCounts,
  type MainToStore,
  type StoreToMain,
  type SyncChangeSummary,
  type SyncSource,
} from '../../../../shared/sync';
import { bumpDataVersion, readLoadedTypes, readLogRange, readPocWithKey, readWatermark, readWatermarks } from '../db/meta';
import { META, type LogRange, type PeeringDatabase } from '../db/schema';
import { ChangeTracker } from './job-changes';
import { RowMap, type LocalCopy } from '../copy/local-copy';
import { PageFormatError, changedRows, groupRowsByBucket, newestChange, readPageRows, type GroupedPage } from './page-rows';
import {
  appendLogRecord,
  compactIntoBuckets,
  dropHeldRecords,
  startHeldRecords,
  swapInHeldRecords,
  wantsCompaction,
  writeHeldRecord,
  type HeldRecords,
} from './type-log';
import { nextBackgroundTask } from '../cooperative';

type PageMessage = Extract<MainToStore, { t: 'page' }>;
type SwapMessage = Extract<MainToStore, { t: 'swap' }>;
type EndMessage = Extract<MainToStore, { t: 'end' }>;
type NackKind = Extract<StoreToMain, { t: 'nack' }>['kind'];

export interface SyncEndpointContext {
  db: PeeringDatabase;
  copy: LocalCopy;
}

export interface SyncEndpointHooks {
  /**
   * A page committed (the copy is updated); `dataVersion` is the database's new version.
   * `wholeTypes`: the types it replaced with a full list, which this job will not change again.
   */
  onCommitted?(dataVersion: number, wholeTypes?: readonly PdbType[]): void;
  /** The job ended and its summary (null when nothing was recorded) is stored. */
  onEnded?(summary: SyncChangeSummary | null): void;
  /**
   * The job ended and its change log is stored: history takes its reading of the copy. Runs
   * after `onEnded` (the page hears of the new data without waiting for history) and is
   * awaited, so this port's next message waits until the reading is taken, not written.
   */
  onJobEnded?(job: { jobId: string; source: SyncSource; outcome: EndMessage['outcome']; endedAt: number }): Promise<void>;
}

export interface SyncEndpoint {
  /** Handles one message; messages are applied strictly in the order received. */
  receive(message: MainToStore): Promise<void>;
}

/** A full list received so far, held apart from the stored rows until its swap. */
interface HeldList {
  /** Its live rows so far; a row listed as deleted is not part of it. At its swap, the type's rows. */
  rows: RowMap<PdbRow>;
  /** Newest change across its pages. */
  newest: number | undefined;
  snapshotAt: number | undefined;
  /** Its pages on disk, past the type's log; null until a page with rows came. */
  records: HeldRecords | null;
  /** Settles when every page held so far is written (or one failed to be). */
  written: Promise<void>;
  /**
   * Why a page of it was refused or not held, if one was: the list is incomplete, so its swap
   * is refused for the same reason (main may send the swap before it hears of the refusal).
   */
  failure: { error: unknown } | null;
}

function newHeldList(): HeldList {
  return { rows: new RowMap(), newest: undefined, snapshotAt: undefined, records: null, written: Promise.resolve(), failure: null };
}

interface JobState {
  jobId: string;
  source: SyncSource;
  withKey: boolean;
  startedAt: number;
  /** Types whose first load had completed when the job began; filled before the first page. */
  loadedAtStart: Set<PdbType>;
  loadedRead: boolean;
  /** Types whose first load has completed by now (the mark is on disk). */
  loadedNow: Set<PdbType>;
  tracker: ChangeTracker;
  /** Full lists being received, by type. */
  held: Map<PdbType, HeldList>;
  /** Newest change seen across a snapshot's pages, for its watermark when it completes. */
  listNewest: Map<PdbType, number>;
}

type WatermarkPlan =
  | { kind: 'none' }
  /** Advance, never backwards. */
  | { kind: 'advance'; value: number };

const maxOf = (a: number | undefined, b: number | null | undefined): number | undefined =>
  b === null || b === undefined ? a : a === undefined ? b : Math.max(a, b);

/** The latest watermark allowed now: main's bound (the server's clock) and this clock's. */
function ceilingFor(notAfter: number | undefined): number {
  return Math.min(notAfter ?? Number.POSITIVE_INFINITY, watermarkCeiling(Date.now() / 1000));
}

export function createSyncEndpoint(
  ctx: SyncEndpointContext,
  post: (message: StoreToMain) => void,
  hooks: SyncEndpointHooks = {},
): SyncEndpoint {
  const { db, copy } = ctx;
  let job = newJob('', 'api', false);
  let queue: Promise<void> = Promise.resolve();

  function newJob(jobId: string, source: SyncSource, withKey: boolean): JobState {
    const loadedAtStart = new Set<PdbType>();
    return {
      jobId,
      source,
      withKey,
      startedAt: Date.now(),
      loadedAtStart,
      loadedRead: false,
      loadedNow: new Set(),
      tracker: new ChangeTracker(copy, loadedAtStart),
      held: new Map(),
      listNewest: new Map(),
    };
  }

  /** Reads which types are loaded before the job's first page touches any type. */
  async function readLoadedOnce(): Promise<void> {
    if (job.loadedRead) return;
    const loaded = await readLoadedTypes(db);
    for (const type of loaded) {
      job.loadedAtStart.add(type);
      job.loadedNow.add(type);
    }
    job.loadedRead = true;
  }

  async function handle(message: MainToStore): Promise<void> {
    switch (message.t) {
      case 'hello':
        job = newJob(message.jobId, message.source, message.withKey);
        return;
      case 'state?': {
        const [watermarks, pocWithKey] = await Promise.all([readWatermarks(db), readPocWithKey(db)]);
        post({ t: 'state', state: { watermarks, pocWithKey } });
        return;
      }
      case 'page':
        // Each page is read in a task of its own, after anything else the worker has to do: pages
        // sent ahead wait their turn, and a query that came meanwhile goes before all of them.
        await nextBackgroundTask();
        return handlePage(message);
      case 'swap':
        return handleSwap(message);
      case 'progress':
        return;
      case 'end':
        return handleEnd(message);
    }
  }

  function nack(seq: number, what: string, error: unknown): void {
    post({ t: 'nack', seq, message: failureMessage(what, error), kind: nackKind(error) });
  }

  function ack(seq: number, stored: number, skipped: SkipReasons, held?: HeldRowCounts): void {
    post({ t: 'ack', seq, stored, ...(Object.keys(skipped).length > 0 ? { skipped } : {}), ...(held ? { held } : {}) });
  }

  async function handlePage(page: PageMessage): Promise<void> {
    const what = `Page ${page.seq} of ${String(page.type)}`;
    let rows: PdbRow[];
    let skipped: SkipReasons;
    let sameAsText: boolean;
    /** Rows of the page already in the store as they are: stored, without a write. */
    let unchanged = 0;
    try {
      if (!isPdbType(page.type)) throw new PageFormatError(`"${String(page.type)}" is not a PeeringDB type`);
      if (page.replace === true) {
        await handleHeldPage(page);
        return;
      }
      ({ rows, skipped, sameAsText } = readPageRows(page.type, page.rowsJson));
      await readLoadedOnce();
      // The one-second lookback of every `since` sync brings back rows the copy holds as they
      // are: of a loaded type only what changes something is written. A first load keeps its
      // pages as they came (deletions of rows it never had included): trimming them would cost
      // a second serialisation of every page for rows that cost nothing to keep.
      const typeRows = copy.rows[page.type] as Map<number, PdbRow>;
      if (job.loadedNow.has(page.type) && typeRows.size > 0) {
        const trimmed = changedRows(rows, typeRows);
        if (trimmed.changed.length < rows.length) {
          rows = trimmed.changed;
          unchanged = trimmed.unchanged;
          sameAsText = false;
        }
      }
    } catch (error) {
      nack(page.seq, what, error);
      return;
    }
    let written: { stored: number; range: LogRange | null };
    try {
      written = await commitPage(page, groupRowsByBucket(rows), rows, sameAsText);
    } catch (error) {
      nack(page.seq, what, error);
      return;
    }
    ack(page.seq, unchanged + written.stored, skipped);
    // Written out after the ack, while main fetches its next page; the next message waits.
    if (page.complete && written.range) await compactIfWanted(page.type, written.range);
  }

  /** A page of a full list: held for its swap, or refused, and then so is the swap. */
  async function handleHeldPage(page: PageMessage & { type: PdbType }): Promise<void> {
    let held = job.held.get(page.type);
    if (held && page.startsList === true) {
      // The list is read again from its start: what an earlier reading left is dropped.
      await dropHeldLists([[page.type, held]]);
      held = undefined;
    }
    if (!held) job.held.set(page.type, (held = newHeldList()));
    try {
      if (held.failure) throw held.failure.error;
      const { rows, skipped, sameAsText } = readPageRows(page.type, page.rowsJson);
      await readLoadedOnce();
      const counted = await holdPage(held, page, rows, sameAsText);
      ack(page.seq, counted.stored, skipped, counted.counts);
    } catch (error) {
      held.failure ??= { error };
      nack(page.seq, `Page ${page.seq} of ${page.type}`, error);
    }
  }

  /**
   * Adds a page of a full list to what is held for its swap, and writes it as a held record in
   * a transaction of its own (nothing loads it before the swap). The write goes on while the
   * next page is read: a page is acknowledged once every page held before it is written, so at
   * most one write is outstanding, and the swap waits for them all. Returns the page's distinct
   * rows, and its rows by status.
   */
  async function holdPage(
    held: HeldList,
    page: PageMessage,
    rows: readonly PdbRow[],
    sameAsText: boolean,
  ): Promise<{ stored: number; counts: HeldRowCounts }> {
    const before = held.written;
    if (rows.length > 0) {
      const rowsJson = sameAsText ? page.rowsJson : JSON.stringify(rows);
      const list = held;
      list.written = before.then(async () => {
        // Reading the page and writing it are tasks of their own: a large page is both.
        await nextBackgroundTask();
        await db.transaction('rw', [db.chunks, db.meta], async () => {
          list.records ??= await startHeldRecords(db, page.type);
          await writeHeldRecord(db, page.type, list.records, rowsJson, rows.length);
        });
      });
      // A failed write is reported by the ack of the page after it, or by the swap.
      list.written.catch(() => undefined);
    }
    await before;
    const ids = new Set<number>();
    const counts = { live: 0, deleted: 0 };
    for (const row of rows) {
      ids.add(row.id);
      if (row.status === 'deleted') {
        held.rows.delete(row.id);
        counts.deleted++;
      } else {
        held.rows.set(row.id, row);
        counts.live++;
      }
    }
    held.newest = maxOf(held.newest, newestChange(rows));
    if (page.snapshotAt !== undefined) held.snapshotAt = page.snapshotAt;
    return { stored: ids.size, counts };
  }

  /**
   * Puts the held full lists in their types' place, all in one transaction: the old rows go
   * (bucket chunks, log, anything left by a list that never finished), the held records become
   * the type's log, the watermark is the list's and the type is marked loaded. Until it
   * commits nothing of the old copy has changed.
   */
  async function handleSwap(swap: SwapMessage): Promise<void> {
    let stored = 0;
    const swapped: { type: PdbType; records: HeldRecords | null }[] = [];
    try {
      const unknown = swap.types.find((type) => !isPdbType(type));
      if (unknown !== undefined) throw new PageFormatError(`"${String(unknown)}" is not a PeeringDB type`);
      await readLoadedOnce();
      const ceiling = ceilingFor(swap.notAfter);
      const lists = swap.types.map((type) => {
        const held = job.held.get(type) ?? newHeldList();
        return { type, held, watermark: swap.snapshotAt?.[type] ?? held.snapshotAt ?? held.newest };
      });
      for (const { held } of lists) {
        await held.written;
        if (held.failure) throw held.failure.error;
      }
      const dataVersion = await db.transaction('rw', [db.chunks, db.meta], async () => {
        for (const { type, held, watermark } of lists) {
          await swapInHeldRecords(db, type, held.records);
          if (watermark === undefined) await db.meta.delete(META.watermark(type));
          else await db.meta.put({ key: META.watermark(type), value: Math.min(watermark, ceiling) });
          await db.meta.put({ key: META.loaded(type), value: true });
          if (type === 'poc') await db.meta.put({ key: META.pocWithKey, value: job.withKey });
        }
        return bumpDataVersion(db);
      });
      // Committed: the copy follows.
      for (const { type, held } of lists) {
        job.tracker.recordReplace(type);
        copy.replaceType(type, held.rows);
        stored += held.rows.size;
        job.held.delete(type);
        job.loadedNow.add(type);
        swapped.push({ type, records: held.records });
      }
      copy.version++;
      hooks.onCommitted?.(dataVersion, swap.types);
    } catch (error) {
      nack(swap.seq, `Replacing ${swap.types.join(', ')}`, error);
      return;
    }
    post({ t: 'ack', seq: swap.seq, stored });
    // A list read page by page (overlapping, with deleted rows) may hold much that is not live.
    for (const { type, records } of swapped) {
      if (records) await compactIfWanted(type, { first: records.first, last: records.next - 1, rows: records.rows, base: 0 });
    }
  }

  async function commitPage(
    page: PageMessage,
    grouped: GroupedPage,
    rows: readonly PdbRow[],
    sameAsText: boolean,
  ): Promise<{ stored: number; range: LogRange | null }> {
    const { type } = page;
    const isSnapshot = page.snapshotAt !== undefined;
    const listNewest = isSnapshot ? maxOf(job.listNewest.get(type), grouped.newestChange) : undefined;
    const watermark = planWatermark(page, grouped, listNewest);
    const pocWithKey = planPocWithKey(page);
    const marksLoaded = page.complete && !job.loadedNow.has(type);

    const nothingToWrite =
      grouped.distinct === 0 && watermark.kind === 'none' && pocWithKey === undefined && !marksLoaded;
    if (nothingToWrite) {
      if (listNewest !== undefined) job.listNewest.set(type, listNewest);
      return { stored: 0, range: null };
    }

    const typeRows = copy.rows[type] as Map<number, PdbRow>;
    const ceiling = ceilingFor(page.notAfter);
    // The page's own text, unless rows were left out of it, repaired or found unchanged.
    const rowsJson = grouped.distinct === 0 ? null : sameAsText ? page.rowsJson : JSON.stringify(rows);

    const { dataVersion, range } = await db.transaction('rw', [db.chunks, db.meta], async () => {
      const currentWatermark = await readWatermark(db, type);
      let range = await readLogRange(db, type);
      if (rowsJson !== null) range = await appendLogRecord(db, type, range, typeRows.size, rowsJson, rows.length);
      await writeWatermark(type, watermark, currentWatermark, ceiling);
      if (pocWithKey !== undefined) await db.meta.put({ key: META.pocWithKey, value: pocWithKey });
      if (marksLoaded) await db.meta.put({ key: META.loaded(type), value: true });
      return { dataVersion: await bumpDataVersion(db), range };
    });

    // Committed: now the job's bookkeeping and the copy follow.
    if (listNewest !== undefined) job.listNewest.set(type, listNewest);
    if (marksLoaded) job.loadedNow.add(type);
    for (const incoming of grouped.buckets.values()) {
      job.tracker.recordBefore(type, incoming.keys());
      for (const [id, row] of incoming) {
        if (row.status === 'deleted') typeRows.delete(id);
        else typeRows.set(id, row);
      }
    }
    copy.version++;
    hooks.onCommitted?.(dataVersion);
    return { stored: grouped.distinct, range };
  }

  /**
   * Writes the type out as bucket chunks when its log holds much that is no longer live. The
   * data it holds does not change, so the data version stays. Should it fail, the log stays,
   * which loads just as well, and a later page tries again.
   */
  async function compactIfWanted(type: PdbType, range: LogRange): Promise<void> {
    const typeRows = copy.rows[type] as Map<number, PdbRow>;
    if (!wantsCompaction(range, typeRows.size)) return;
    try {
      await compactIntoBuckets(db, type, typeRows);
    } catch {
      // Left as a log (see above).
    }
  }

  /**
   * A snapshot earns its watermark only when its last page commits: one cut off half way must
   * be fetched whole again, not resumed from a time its missing rows are older than. A delta
   * page advances the watermark to its newest change.
   */
  function planWatermark(page: PageMessage, grouped: GroupedPage, listNewest: number | undefined): WatermarkPlan {
    if (page.snapshotAt !== undefined) {
      const value = page.complete ? (page.snapshotAt ?? listNewest) : undefined;
      return value === undefined ? { kind: 'none' } : { kind: 'advance', value };
    }
    return grouped.newestChange === null ? { kind: 'none' } : { kind: 'advance', value: grouped.newestChange };
  }

  /** Contacts fetched with a key include those only users may see. */
  function planPocWithKey(page: PageMessage): boolean | undefined {
    if (page.type !== 'poc' || !page.complete) return undefined;
    return job.withKey ? true : undefined;
  }

  /** Moves the watermark forward, never past `ceiling` (now, by the clocks main and the store trust). */
  async function writeWatermark(type: PdbType, plan: WatermarkPlan, current: number | null, ceiling: number): Promise<void> {
    if (plan.kind === 'none') return;
    const value = Math.min(plan.value, ceiling);
    if (current === null || value > current) await db.meta.put({ key: META.watermark(type), value });
  }

  async function handleEnd(end: EndMessage): Promise<void> {
    const perType = job.tracker.perType();
    const ixMoves = job.tracker.ixMoves();
    const changed = Object.keys(perType).length > 0 || ixMoves.length > 0;
    const endedAt = Date.now();
    // A sync that completed is recorded even when it changed nothing: "no changes" is an
    // answer the user asks for. One that stopped is recorded only if it changed something.
    const summary: SyncChangeSummary | null =
      changed || end.outcome === 'done'
        ? { jobId: job.jobId, source: job.source, startedAt: job.startedAt, endedAt, outcome: end.outcome, perType, ixMoves }
        : null;
    if (summary) {
      await db.transaction('rw', [db.changes, db.meta], async () => {
        await db.changes.add(summary);
        if (end.outcome === 'done') await db.meta.put({ key: META.lastSync, value: endedAt });
      });
    }
    // Full lists never swapped in are dropped: the rows they would have replaced stay.
    await dropHeldLists([...job.held]);
    const ended = job;
    job = newJob(job.jobId, job.source, job.withKey);
    hooks.onEnded?.(summary);
    await hooks.onJobEnded?.({ jobId: ended.jobId, source: ended.source, outcome: end.outcome, endedAt });
  }

  /**
   * Drops held lists and their records, once their writes are done: lists never swapped in,
   * or an earlier reading of a list read again. (A list cut short by a kill leaves its records
   * on disk, unseen, until the type's next swap clears them.)
   */
  async function dropHeldLists(lists: [PdbType, HeldList][]): Promise<void> {
    await Promise.all(lists.map(([, list]) => list.written.catch(() => undefined)));
    const written = lists.filter(([, list]) => list.records !== null);
    if (written.length === 0) return;
    try {
      await db.transaction('rw', [db.chunks], async () => {
        for (const [type, list] of written) await dropHeldRecords(db, type, list.records!);
      });
    } catch {
      // Unseen and harmless; the next swap of the type clears them.
    }
  }

  return {
    receive(message) {
      const run = queue.then(() => handle(message));
      // A failed message must not stop the ones after it.
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** Whether the database refused a write for lack of room (Dexie wraps the browser's error). */
function isQuotaError(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    const { name, inner } = cause as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    cause = inner;
  }
  return false;
}

function nackKind(error: unknown): NackKind {
  if (error instanceof PageFormatError) return 'refused';
  return isQuotaError(error) ? 'full' : 'write';
}

function failureMessage(what: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof PageFormatError) return `${what} was refused: ${reason}`;
  return `${what} could not be stored: ${reason}`;
}
