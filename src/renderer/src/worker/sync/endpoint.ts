/**
 * The store's end of one sync job (see src/shared/sync.ts). Each page is committed in one
 * transaction together with the watermark it earns and the data version, and only then
 * applied to the in-memory copy and acknowledged; main sends the next page after the ack.
 * Pages of a first load from `since` lists are staged (see ./staging.ts), others merge into
 * the type's bucket chunks.
 */
import { isPdbType, type PdbRow, type PdbType } from '../../../../shared/peeringdb';
import type { MainToStore, StoreToMain, SyncChangeSummary, SyncSource } from '../../../../shared/sync';
import {
  bumpDataVersion,
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
import { PageFormatError, changedRows, groupRowsByBucket, parsePageRows, type GroupedPage } from './page-rows';
import { appendStagingRecord, clearStoredType, pageIsStaged, writeTypeAsBuckets } from './staging';

type PageMessage = Extract<MainToStore, { t: 'page' }>;
type EndMessage = Extract<MainToStore, { t: 'end' }>;

export interface SyncEndpointContext {
  db: PeeringDatabase;
  copy: LocalCopy;
}

export interface SyncEndpointHooks {
  /** A page committed (the copy is updated); `dataVersion` is the database's new version. */
  onCommitted?(dataVersion: number): void;
  /** The job ended and its summary (null when nothing changed) is stored. */
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

interface JobState {
  jobId: string;
  source: SyncSource;
  withKey: boolean;
  startedAt: number;
  tracker: ChangeTracker;
  /** Types whose full list has begun replacing the stored rows in this job. */
  replacing: Set<PdbType>;
  /** Newest change seen across a full list's pages, for its watermark when it completes. */
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
  | { kind: 'clear' }
  /** Set exactly (a full list replaced the type). */
  | { kind: 'set'; value: number }
  /** Advance, never backwards. */
  | { kind: 'advance'; value: number };

const maxOf = (a: number | undefined, b: number | null): number | undefined =>
  b === null ? a : a === undefined ? b : Math.max(a, b);

export function createSyncEndpoint(
  ctx: SyncEndpointContext,
  post: (message: StoreToMain) => void,
  hooks: SyncEndpointHooks = {},
): SyncEndpoint {
  const { db, copy } = ctx;
  let job = newJob('', 'api', false);
  let queue: Promise<void> = Promise.resolve();

  function newJob(jobId: string, source: SyncSource, withKey: boolean): JobState {
    return {
      jobId,
      source,
      withKey,
      startedAt: Date.now(),
      tracker: new ChangeTracker(copy),
      replacing: new Set(),
      listNewest: new Map(),
      lastWritten: { copyVersion: -1, chunks: new Map() },
      stagedTypes: null,
    };
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
      case 'progress':
        return;
      case 'end':
        return handleEnd(message);
    }
  }

  async function handlePage(page: PageMessage): Promise<void> {
    let rows: PdbRow[];
    /** Rows of the page already in the store as they are: stored, without a write. */
    let unchanged = 0;
    try {
      if (!isPdbType(page.type)) throw new PageFormatError(`"${String(page.type)}" is not a PeeringDB type`);
      rows = parsePageRows(page.rowsJson);
      if (await isDelta(page)) {
        const typeRows = copy.rows[page.type] as Map<number, PdbRow>;
        const trimmed = changedRows(rows, typeRows);
        if (trimmed.changed.length < rows.length) {
          rows = trimmed.changed;
          unchanged = trimmed.unchanged;
        }
      }
    } catch (error) {
      post({ t: 'nack', seq: page.seq, message: pageErrorMessage(page, error) });
      return;
    }
    let stored: number;
    try {
      stored = unchanged + (await commitPage(page, groupRowsByBucket(rows), rows, unchanged > 0));
    } catch (error) {
      post({ t: 'nack', seq: page.seq, message: pageErrorMessage(page, error) });
      return;
    }
    post({ t: 'ack', seq: page.seq, stored });
    // Written out after the ack, while main fetches its next page; the next message waits.
    if (page.complete && page.replace !== true && (await stagedTypes()).has(page.type)) {
      await compactStagedType(page.type);
    }
  }

  /**
   * A page of changes to a type the store holds whole, which keeps only the rows that change
   * something. Full lists go whole (they replace the type or stand for a snapshot), and so do
   * the pages of a first load, staged as the text they came in.
   */
  async function isDelta(page: PageMessage): Promise<boolean> {
    if (page.replace === true || page.snapshotAt !== undefined) return false;
    if (job.tracker.isInitialLoad(page.type) || copy.rows[page.type].size === 0) return false;
    return !(await stagedTypes()).has(page.type);
  }

  async function commitPage(
    page: PageMessage,
    grouped: GroupedPage,
    rows: readonly PdbRow[],
    trimmed: boolean,
  ): Promise<number> {
    const { type } = page;
    const initialLoad = job.tracker.isInitialLoad(type);
    const isReplace = page.replace === true;
    const startsReplace = isReplace && !job.replacing.has(type);
    const isFullList = isReplace || page.snapshotAt !== undefined;
    const listNewest = isFullList ? maxOf(job.listNewest.get(type), grouped.newestChange) : undefined;
    const watermark = planWatermark(page, grouped, startsReplace, listNewest);
    const pocWithKey = planPocWithKey(page);

    const nothingToWrite =
      grouped.distinct === 0 && !startsReplace && watermark.kind === 'none' && pocWithKey === undefined;
    if (nothingToWrite) {
      if (listNewest !== undefined) job.listNewest.set(type, listNewest);
      return 0;
    }

    // Where a bucket's current rows come from: nothing (the type is being cleared), the copy
    // (the type was empty or replaced in this job, so every stored row of it is in the copy
    // and reading chunks back would only cost), or the stored chunks.
    const source = startsReplace ? 'empty' : initialLoad || job.replacing.has(type) ? 'copy' : 'db';
    const typeRows = copy.rows[type] as Map<number, PdbRow>;

    const { dataVersion, staged, writes } = await db.transaction('rw', [db.chunks, db.meta], async () => {
      const currentWatermark = await readWatermark(db, type);
      const stagedCount = isReplace ? 0 : await readStagedCount(db, type);
      const staged = pageIsStaged({
        stagedCount,
        replace: isReplace,
        snapshot: page.snapshotAt !== undefined,
        typeHasRows: typeRows.size > 0,
        watermark: currentWatermark,
        pageHasRows: grouped.distinct > 0,
      });
      let writes: ChunkWrites | null = null;
      if (staged) {
        // The page's own text, unless unchanged rows were left out of it.
        const rowsJson = trimmed ? JSON.stringify(rows) : page.rowsJson;
        if (grouped.distinct > 0) await appendStagingRecord(db, type, stagedCount, rowsJson, rows.length);
      } else {
        writes = await writeIntoBuckets(type, grouped, source);
      }
      await writeWatermark(type, watermark, currentWatermark);
      if (pocWithKey !== undefined) await db.meta.put({ key: META.pocWithKey, value: pocWithKey });
      return { dataVersion: await bumpDataVersion(db), staged, writes };
    });

    // Committed: now the job's bookkeeping and the copy follow.
    if (listNewest !== undefined) job.listNewest.set(type, listNewest);
    if (staged) job.stagedTypes?.add(type);
    if (startsReplace) {
      job.stagedTypes?.delete(type);
      job.tracker.recordReplace(type);
      typeRows.clear();
      job.replacing.add(type);
    }
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
  async function writeIntoBuckets(
    type: PdbType,
    grouped: GroupedPage,
    source: 'empty' | 'copy' | 'db',
  ): Promise<ChunkWrites> {
    let writes: ChunkWrites;
    if (source === 'empty') {
      // A full list begins: whatever the type held goes, staging records included.
      await clearStoredType(db, type);
      writes = mergeChunks(type, grouped.buckets, () => []);
    } else if (source === 'copy') {
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
   * A full list (a replace or a snapshot) earns its watermark only when its last page
   * commits: a list cut off half way must be fetched whole again, not resumed from a time
   * its missing rows are older than. Its first replacing page clears the old watermark with
   * the old rows. A delta page advances the watermark to its newest change.
   */
  function planWatermark(
    page: PageMessage,
    grouped: GroupedPage,
    startsReplace: boolean,
    listNewest: number | undefined,
  ): WatermarkPlan {
    if (page.replace === true || page.snapshotAt !== undefined) {
      const value = page.complete ? (page.snapshotAt ?? listNewest) : undefined;
      if (value !== undefined) return page.replace ? { kind: 'set', value } : { kind: 'advance', value };
      return startsReplace ? { kind: 'clear' } : { kind: 'none' };
    }
    return grouped.newestChange === null ? { kind: 'none' } : { kind: 'advance', value: grouped.newestChange };
  }

  /** Contacts fetched with a key include those only users may see; a full list without one does not. */
  function planPocWithKey(page: PageMessage): boolean | undefined {
    if (page.type !== 'poc' || !page.complete) return undefined;
    if (job.withKey) return true;
    return page.replace === true ? false : undefined;
  }

  async function writeWatermark(type: PdbType, plan: WatermarkPlan, current: number | null): Promise<void> {
    const key = META.watermark(type);
    if (plan.kind === 'clear') await db.meta.delete(key);
    if (plan.kind === 'set') await db.meta.put({ key, value: plan.value });
    if (plan.kind === 'advance' && (current === null || plan.value > current)) await db.meta.put({ key, value: plan.value });
  }

  async function handleEnd(end: EndMessage): Promise<void> {
    const perType = job.tracker.perType();
    const ixMoves = job.tracker.ixMoves();
    const changed = Object.keys(perType).length > 0 || ixMoves.length > 0;
    const endedAt = Date.now();
    const summary: SyncChangeSummary | null = changed
      ? {
          jobId: job.jobId,
          source: job.source,
          startedAt: job.startedAt,
          endedAt,
          outcome: end.outcome,
          perType,
          ixMoves,
        }
      : null;
    // The change log keeps only syncs that changed something: a quiet hourly sync would
    // otherwise push every real change out of the recent list. The last sync time is kept
    // for every sync that finished.
    if (summary || end.outcome === 'done') {
      await db.transaction('rw', [db.changes, db.meta], async () => {
        if (summary) await db.changes.add(summary);
        if (end.outcome === 'done') await db.meta.put({ key: META.lastSync, value: endedAt });
      });
    }
    await hooks.onJobEnded?.({ jobId: job.jobId, source: job.source, outcome: end.outcome, endedAt });
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

function pageErrorMessage(page: PageMessage, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const what = `Page ${page.seq} of ${String(page.type)}`;
  if (error instanceof PageFormatError) return `${what} was refused: ${reason}`;
  return `${what} could not be stored: ${reason}`;
}
