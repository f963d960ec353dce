/**
 * The store's end of one sync job (see src/shared/sync.ts). Each page is committed in one
 * transaction together with the watermark it earns and the data version, and only then
 * applied to the in-memory copy and acknowledged; main sends the next page after the ack.
 * Pages of a first load from `since` lists are staged (see ./staging.ts), others merge into
 * the type's bucket chunks. Pages of a full list that replaces a type are held apart and take
 * the old rows' place in one transaction when main says the list is complete (`swap`): until
 * then the old rows answer, and a failure or cancel leaves them as they were.
 */
import { isPdbType, type PdbRow, type PdbType } from '../../../../shared/peeringdb';
import type { SkipReasons } from '../../../../shared/row-schema';
import { watermarkCeiling, type MainToStore, type StoreToMain, type SyncChangeSummary, type SyncSource } from '../../../../shared/sync';
import {
  bumpDataVersion,
  readLoadedTypes,
  readPocWithKey,
  readStagedCount,
  readStagedTypes,
  readWatermark,
  readWatermarks,
} from '../db/meta';
import { META, chunkKey, type PeeringDatabase } from '../db/schema';
import { ChangeTracker } from './job-changes';
import {
  bucketRowsFromCopy,
  chunksOfType,
  mergeChunks,
  parseChunkRows,
  type ChunkWrites,
  type KnownChunk,
} from './chunk-merge';
import type { LocalCopy } from '../copy/local-copy';
import { PageFormatError, changedRows, groupRowsByBucket, newestChange, readPageRows, type GroupedPage } from './page-rows';
import { appendStagingRecord, pageIsStaged, writeTypeAsBuckets } from './staging';

type PageMessage = Extract<MainToStore, { t: 'page' }>;
type SwapMessage = Extract<MainToStore, { t: 'swap' }>;
type EndMessage = Extract<MainToStore, { t: 'end' }>;
type NackKind = Extract<StoreToMain, { t: 'nack' }>['kind'];

export interface SyncEndpointContext {
  db: PeeringDatabase;
  copy: LocalCopy;
}

export interface SyncEndpointHooks {
  /** A page committed (the copy is updated); `dataVersion` is the database's new version. */
  onCommitted?(dataVersion: number): void;
  /** The job ended and its summary (null when nothing was recorded) is stored. */
  onEnded?(summary: SyncChangeSummary | null): void;
  /**
   * The job ended and its change log is stored: history takes its moment of the copy. Runs
   * before `onEnded` and is awaited, so this port's next message waits for it.
   */
  onJobEnded?(job: { jobId: string; source: SyncSource; outcome: EndMessage['outcome']; endedAt: number }): Promise<void>;
}

export interface SyncEndpoint {
  /** Handles one message; messages are applied strictly in the order received. */
  receive(message: MainToStore): Promise<void>;
}

/** A full list received so far, held apart from the stored rows until its swap. */
interface HeldList {
  /** Its live rows so far; a row listed as deleted is not part of it. */
  rows: Map<number, PdbRow>;
  /** Newest change across its pages. */
  newest: number | undefined;
  snapshotAt: number | undefined;
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
  /** Types a full list replaced in this job: their stored chunks are exactly the copy's rows. */
  replaced: Set<PdbType>;
  /** Newest change seen across a snapshot's pages, for its watermark when it completes. */
  listNewest: Map<PdbType, number>;
  /**
   * The chunks the last committed page wrote, while their text is known to match what is
   * stored: valid only as long as nothing else changed the copy (`copyVersion`).
   */
  lastWritten: { copyVersion: number; chunks: Map<string, KnownChunk> };
  /** Types with staging records on disk, read when first needed in the job. */
  stagedTypes: Set<PdbType> | null;
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
      replaced: new Set(),
      listNewest: new Map(),
      lastWritten: { copyVersion: -1, chunks: new Map() },
      stagedTypes: null,
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

  function ack(seq: number, stored: number, skipped: SkipReasons): void {
    post(Object.keys(skipped).length > 0 ? { t: 'ack', seq, stored, skipped } : { t: 'ack', seq, stored });
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
      ({ rows, skipped, sameAsText } = readPageRows(page.type, page.rowsJson));
      await readLoadedOnce();
      if (page.replace === true) {
        ack(page.seq, holdPage(page, rows), skipped);
        return;
      }
      if (await isDelta(page)) {
        const typeRows = copy.rows[page.type] as Map<number, PdbRow>;
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
    let stored: number;
    try {
      stored = unchanged + (await commitPage(page, groupRowsByBucket(rows), rows, sameAsText));
    } catch (error) {
      nack(page.seq, what, error);
      return;
    }
    ack(page.seq, stored, skipped);
    // Written out after the ack, while main fetches its next page; the next message waits.
    if (page.complete && (await stagedTypes()).has(page.type)) {
      await compactStagedType(page.type);
    }
  }

  /** Adds a page of a full list to what is held for its swap; returns its distinct rows. */
  function holdPage(page: PageMessage, rows: readonly PdbRow[]): number {
    let held = job.held.get(page.type);
    if (!held) job.held.set(page.type, (held = { rows: new Map(), newest: undefined, snapshotAt: undefined }));
    const ids = new Set<number>();
    for (const row of rows) {
      ids.add(row.id);
      if (row.status === 'deleted') held.rows.delete(row.id);
      else held.rows.set(row.id, row);
    }
    held.newest = maxOf(held.newest, newestChange(rows));
    if (page.snapshotAt !== undefined) held.snapshotAt = page.snapshotAt;
    return ids.size;
  }

  /**
   * Puts the held full lists in their types' place, all in one transaction: the old rows and
   * staging records go, the new rows are written as bucket chunks, the watermark is the list's
   * and the type is marked loaded. Until it commits nothing of the old copy has changed.
   */
  async function handleSwap(swap: SwapMessage): Promise<void> {
    let stored = 0;
    try {
      const unknown = swap.types.find((type) => !isPdbType(type));
      if (unknown !== undefined) throw new PageFormatError(`"${String(unknown)}" is not a PeeringDB type`);
      await readLoadedOnce();
      const ceiling = ceilingFor(swap.notAfter);
      const lists = swap.types.map((type) => {
        const held = job.held.get(type) ?? { rows: new Map<number, PdbRow>(), newest: undefined, snapshotAt: undefined };
        return { type, held, watermark: swap.snapshotAt?.[type] ?? held.snapshotAt ?? held.newest };
      });
      const dataVersion = await db.transaction('rw', [db.chunks, db.meta], async () => {
        for (const { type, held, watermark } of lists) {
          await writeTypeAsBuckets(db, type, chunksOfType(type, held.rows));
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
        const typeRows = copy.rows[type] as Map<number, PdbRow>;
        typeRows.clear();
        for (const [id, row] of held.rows) typeRows.set(id, row);
        stored += held.rows.size;
        job.held.delete(type);
        job.replaced.add(type);
        job.loadedNow.add(type);
        job.stagedTypes?.delete(type);
      }
      copy.version++;
      job.lastWritten = { copyVersion: -1, chunks: new Map() };
      hooks.onCommitted?.(dataVersion);
    } catch (error) {
      nack(swap.seq, `Replacing ${swap.types.join(', ')}`, error);
      return;
    }
    post({ t: 'ack', seq: swap.seq, stored });
  }

  /**
   * A page of changes to a type the store holds whole, which keeps only the rows that change
   * something. Snapshots go whole (they stand for a moment), and so do the pages of a first
   * load, staged as the text they came in.
   */
  async function isDelta(page: PageMessage): Promise<boolean> {
    if (page.snapshotAt !== undefined) return false;
    if (job.tracker.wasEmptyAtStart(page.type) || copy.rows[page.type].size === 0) return false;
    return !(await stagedTypes()).has(page.type);
  }

  async function commitPage(
    page: PageMessage,
    grouped: GroupedPage,
    rows: readonly PdbRow[],
    sameAsText: boolean,
  ): Promise<number> {
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
      return 0;
    }

    // Where a bucket's current rows come from: the copy (the type was empty or replaced in
    // this job, so every stored row of it is in the copy and reading chunks back would only
    // cost), or the stored chunks.
    const source = job.tracker.wasEmptyAtStart(type) || job.replaced.has(type) ? 'copy' : 'db';
    const typeRows = copy.rows[type] as Map<number, PdbRow>;
    const ceiling = ceilingFor(page.notAfter);

    const { dataVersion, staged, writes } = await db.transaction('rw', [db.chunks, db.meta], async () => {
      const currentWatermark = await readWatermark(db, type);
      const stagedCount = await readStagedCount(db, type);
      const staged = pageIsStaged({
        stagedCount,
        replace: false,
        snapshot: isSnapshot,
        typeHasRows: typeRows.size > 0,
        watermark: currentWatermark,
        pageHasRows: grouped.distinct > 0,
      });
      let writes: ChunkWrites | null = null;
      if (staged) {
        // The page's own text, unless rows were left out of it or repaired.
        const rowsJson = sameAsText ? page.rowsJson : JSON.stringify(rows);
        if (grouped.distinct > 0) await appendStagingRecord(db, type, stagedCount, rowsJson, rows.length);
      } else {
        writes = await writeIntoBuckets(type, grouped, source);
      }
      await writeWatermark(type, watermark, currentWatermark, ceiling);
      if (pocWithKey !== undefined) await db.meta.put({ key: META.pocWithKey, value: pocWithKey });
      if (marksLoaded) await db.meta.put({ key: META.loaded(type), value: true });
      return { dataVersion: await bumpDataVersion(db), staged, writes };
    });

    // Committed: now the job's bookkeeping and the copy follow.
    if (listNewest !== undefined) job.listNewest.set(type, listNewest);
    if (staged) job.stagedTypes?.add(type);
    if (marksLoaded) job.loadedNow.add(type);
    for (const incoming of grouped.buckets.values()) {
      job.tracker.recordBefore(type, incoming.keys());
      for (const [id, row] of incoming) {
        if (row.status === 'deleted') typeRows.delete(id);
        else typeRows.set(id, row);
      }
    }
    copy.version++;
    job.lastWritten = writes !== null && source !== 'db' ? knownChunks(writes) : { copyVersion: -1, chunks: new Map() };
    hooks.onCommitted?.(dataVersion);
    return grouped.distinct;
  }

  /** The chunks just written, whose texts match the copy as it is now. */
  function knownChunks(writes: ChunkWrites): JobState['lastWritten'] {
    return { copyVersion: copy.version, chunks: new Map(writes.written.map((known) => [known.record.key, known])) };
  }

  /**
   * The staged type completed: its rows, all in the copy, become bucket chunks in one
   * transaction that also removes the staging records. The data it holds does not change, so
   * the data version stays. Should this fail, the type stays staged, which loads just as well,
   * and the next page that completes it tries again.
   */
  async function compactStagedType(type: PdbType): Promise<void> {
    const typeRows = copy.rows[type] as Map<number, PdbRow>;
    try {
      const writes = await db.transaction('rw', [db.chunks, db.meta], async () => {
        // A flush since the type's last page took the staging records away, and the rows.
        if ((await readStagedCount(db, type)) === 0) return null;
        const writes = chunksOfType(type, typeRows);
        await writeTypeAsBuckets(db, type, writes);
        return writes;
      });
      job.stagedTypes?.delete(type);
      if (writes) job.lastWritten = knownChunks(writes);
    } catch {
      // Left staged (see above).
    }
  }

  /** The types with staging records on disk, read once per job; a flush may leave extra ones. */
  async function stagedTypes(): Promise<Set<PdbType>> {
    job.stagedTypes ??= await readStagedTypes(db);
    return job.stagedTypes;
  }

  /** Merges the page into the type's bucket chunks, inside the page's transaction. */
  async function writeIntoBuckets(type: PdbType, grouped: GroupedPage, source: 'copy' | 'db'): Promise<ChunkWrites> {
    let writes: ChunkWrites;
    if (source === 'copy') {
      const typeRows = copy.rows[type] as Map<number, PdbRow>;
      const { copyVersion, chunks } = job.lastWritten;
      const knownOf = (key: string) => (copyVersion === copy.version ? chunks.get(key) : undefined);
      writes = mergeChunks(type, grouped.buckets, (b) => bucketRowsFromCopy(typeRows, b), knownOf);
    } else {
      writes = await mergeWithStoredChunks(type, grouped);
    }
    if (writes.puts.length) await db.chunks.bulkPut(writes.puts);
    if (writes.deletes.length) await db.chunks.bulkDelete(writes.deletes);
    return writes;
  }

  /** Reads the page's buckets back inside the page's transaction and merges into them. */
  async function mergeWithStoredChunks(type: PdbType, grouped: GroupedPage): Promise<ChunkWrites> {
    const buckets = [...grouped.buckets.keys()];
    const stored = await db.chunks.bulkGet(buckets.map((bucket) => chunkKey(type, bucket)));
    const byBucket = new Map(buckets.map((bucket, i) => [bucket, stored[i]]));
    return mergeChunks(type, grouped.buckets, (bucket) => parseChunkRows(byBucket.get(bucket)));
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
    await hooks.onJobEnded?.({ jobId: job.jobId, source: job.source, outcome: end.outcome, endedAt });
    // Full lists never swapped in are dropped: the rows they would have replaced stay.
    job = newJob(job.jobId, job.source, job.withKey);
    hooks.onEnded?.(summary);
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
