/**
 * Writes history: a moment at the end of every sync that completed (its copy, compared with
 * the moment before for the review queue), and moments from dump files of past dates, which
 * feed history only and never touch the copy. One write at a time, each in one transaction,
 * then the data version, so the page's queries follow.
 *
 * History is held in memory while it is in use (see HistoryModel) and let go after a while
 * without use, so a copy that is only searched does not carry it.
 */
import { parseObservationWire } from '../../../../shared/history/facts';
import type { HistoryMomentAck, HistoryMomentMessage } from '../../../../shared/history/protocol';
import { projectFactsInSteps, type HistoryRows } from '../../../../shared/history/project';
import type { StoreToMain, SyncSource } from '../../../../shared/sync';
import { bumpDataVersion, readWatermarks } from '../db/meta';
import type { PeeringDatabase } from '../db/schema';
import type { LocalCopy } from '../copy/local-copy';
import { HistoryModel } from './model';
import type { HistoryChunkRecord, HistoryMomentRecord, ReviewBatchRecord, ReviewItemRecord } from './records';
import { reviewItemsOf } from './review';
import type { ReviewBatchNote } from '../../protocol/history';
import type { StoreContext } from '../context';
import { runInSlices } from '../cooperative';

/** What the sync endpoint tells history when a job ends. */
export interface EndedSyncJob {
  jobId: string;
  source: SyncSource;
  outcome: 'done' | 'cancelled' | 'error';
  /** Epoch ms. */
  endedAt: number;
}

export interface HistoryRecorderOptions {
  db: PeeringDatabase;
  copy: LocalCopy;
  /** Called after every write, so the page asks again. */
  onChanged(): void;
  /** How long history stays in memory after its last use. */
  keepLoadedMs?: number;
  now?: () => number;
}

export interface HistoryRecorder {
  /**
   * Takes the moment's reading of the copy, then resolves: the copy may change from then on.
   * `written` resolves once the moment and its review entries are stored (or given up; see
   * `problems`).
   */
  recordSync(job: EndedSyncJob): Promise<{ written: Promise<void> }>;
  /** A moment from a dump file (the JSON text of an ObservationWire). */
  importMoment(text: string): Promise<Omit<HistoryMomentAck, 't' | 'seq'>>;
  /** Runs `read` on history as it is now, between writes. */
  read<T>(read: (model: HistoryModel) => T): Promise<T>;
  /** Problems met while recording syncs, newest last (kept for the page to show). */
  readonly problems: readonly string[];
  /** Resolves once every write queued so far is done, without loading history. */
  settled(): Promise<void>;
}

const DAY = 86_400;
/** Beyond this a list of every change since the moment before says little: history keeps them. */
const REVIEW_HORIZON = 31 * DAY;
/** Looked-at entries of syncs older than this are let go. */
const REVIEW_KEPT = 180 * DAY;
/** A moment may be this far ahead of the local clock (clocks differ a little). */
const CLOCK_SKEW = 300;
/** Characters of chunk text put in one call when history is saved. */
const PUT_CHARS = 256 * 1024;

/** Chunk records in runs of about `chars` characters of text each. */
function groupsOfChars(records: readonly HistoryChunkRecord[], chars: number): HistoryChunkRecord[][] {
  const groups: HistoryChunkRecord[][] = [];
  let group: HistoryChunkRecord[] = [];
  let size = 0;
  for (const record of records) {
    group.push(record);
    size += record.json.length;
    if (size >= chars) {
      groups.push(group);
      group = [];
      size = 0;
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

export function createHistoryRecorder(options: HistoryRecorderOptions): HistoryRecorder {
  const { db, copy } = options;
  const now = options.now ?? (() => Date.now());
  const keepLoadedMs = options.keepLoadedMs ?? 120_000;
  let loaded: HistoryModel | null = null;
  let releaseTimer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const problems: string[] = [];

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function model(): Promise<HistoryModel> {
    if (releaseTimer) clearTimeout(releaseTimer);
    releaseTimer = setTimeout(() => {
      loaded = null;
      releaseTimer = null;
    }, keepLoadedMs);
    // In Node (tests) the timer must not keep the process alive; browsers have no unref.
    (releaseTimer as { unref?: () => void }).unref?.();
    if (!loaded) {
      const [moments, chunks] = await db.transaction('r', [db.historyMoments, db.historyChunks], () =>
        Promise.all([db.historyMoments.toArray(), db.historyChunks.toArray()]),
      );
      loaded = await runInSlices(HistoryModel.fromRecordsInSteps(moments, chunks));
    }
    return loaded;
  }

  /**
   * Writes what the model changed, with the moment and any review entries, in one transaction,
   * then moves the data version. Should it fail, the model in memory is dropped: the next use
   * reads what is on disk.
   */
  async function save(
    current: HistoryModel | null,
    moment: HistoryMomentRecord | null,
    review: { batch: ReviewBatchRecord; items: Omit<ReviewItemRecord, 'id' | 'batchId' | 'seen'>[] } | null,
  ): Promise<void> {
    const { puts, deletes } = current ? await runInSlices(current.takeDirtyChunksInSteps()) : { puts: [], deletes: [] };
    try {
      // The data version is bumped in a transaction of its own once history is written: a sync's
      // pages write the version too, and a first moment's chunks (megabytes) in a transaction
      // holding it would keep every page of the next sync waiting until they are all written.
      await db.transaction('rw', [db.historyChunks, db.historyMoments, db.reviewBatches, db.reviewItems], async () => {
        // A few hundred kilobytes per call, each awaited: the records are copied when put, and
        // a first moment's (every chunk at once) would otherwise be one long task.
        for (const group of groupsOfChars(puts, PUT_CHARS)) await db.historyChunks.bulkPut(group);
        if (deletes.length) await db.historyChunks.bulkDelete(deletes);
        if (moment) await db.historyMoments.put(moment);
        if (review) {
          const batchId = await db.reviewBatches.add(review.batch);
          if (review.items.length) {
            await db.reviewItems.bulkAdd(review.items.map((item) => ({ ...item, batchId: batchId as number, seen: 0 as const })));
          }
          await forgetOldReviews(review.batch.endedAt);
        }
      });
      await db.transaction('rw', [db.meta], () => bumpDataVersion(db));
    } catch (error) {
      loaded = null;
      throw error;
    }
    options.onChanged();
  }

  /** Looked-at entries of old syncs go, and old syncs with nothing left to look at. */
  async function forgetOldReviews(endedAt: number): Promise<void> {
    const cutoff = endedAt - REVIEW_KEPT * 1000;
    const old = (await db.reviewBatches.filter((batch) => batch.endedAt < cutoff).primaryKeys()) as number[];
    if (old.length === 0) return;
    await db.reviewItems.where('batchId').anyOf(old).and((item) => item.seen === 1).delete();
    const stillNew = new Set((await db.reviewItems.where('batchId').anyOf(old).toArray()).map((item) => item.batchId));
    await db.reviewBatches.bulkDelete(old.filter((id) => !stillNew.has(id)));
  }

  /**
   * The copy's live rows as they are now, for history to read at its own pace: the lists are
   * copied (a few milliseconds), the rows are not, since a sync replaces a row rather than
   * changing it. So the next sync need not wait until history has read them all.
   */
  function readingOfCopy(): HistoryRows {
    const { rows } = copy;
    return {
      ix: [...rows.ix.values()],
      fac: [...rows.fac.values()],
      net: [...rows.net.values()],
      netixlan: [...rows.netixlan.values()],
      netfac: [...rows.netfac.values()],
      poc: [...rows.poc.values()],
    };
  }

  /**
   * The copy's version when the latest moment was taken from it. A sync that changed nothing
   * leaves the version as it was, and its moment is then added without reading the copy.
   */
  let recordedCopy: { version: number; at: number } | null = null;
  /** The latest reading not yet recorded, shared by the jobs that ended on the same copy. */
  let pendingReading: { version: number; rows: HistoryRows } | null = null;

  async function recordSync(job: EndedSyncJob): Promise<{ written: Promise<void> }> {
    // A job that stopped half way leaves a copy that is partly old and partly new: no moment.
    if (job.outcome !== 'done') return { written: Promise.resolve() };
    if (copy.rows.net.size === 0 || copy.rows.netixlan.size === 0) return { written: Promise.resolve() };
    const copyVersion = copy.version;
    // Taken now, before the caller lets the next sync change the copy. A copy already recorded
    // needs no reading: its moment is added as unchanged (see below).
    let reading = pendingReading?.version === copyVersion ? pendingReading : null;
    if (!reading && recordedCopy?.version !== copyVersion) reading = pendingReading = { version: copyVersion, rows: readingOfCopy() };
    const nowSeconds = Math.floor(now() / 1000);
    // A dump stands for the moment it was made (its watermarks), a sync for when it ended.
    let at = Math.min(nowSeconds, Math.floor(job.endedAt / 1000));
    if (job.source === 'dump') {
      const newest = Math.max(0, ...Object.values(await readWatermarks(db)));
      if (newest > 0) at = Math.min(nowSeconds, Math.floor(newest));
    }
    const batch: ReviewBatchRecord = {
      endedAt: job.endedAt,
      source: job.source,
      jobId: job.jobId,
      at,
      comparedWith: null,
      note: null,
      total: 0,
      dropped: 0,
    };
    const written = serial(async () => {
      const latest = loaded ? loaded.latest : ((await db.historyMoments.orderBy('at').last())?.at ?? null);
      // Two syncs within one second: the later one is the later moment.
      if (job.source !== 'dump' && latest !== null && at <= latest) batch.at = at = latest + 1;
      const moment: HistoryMomentRecord = {
        at,
        source: job.source === 'dump' ? 'dump' : 'sync',
        label: job.source === 'dump' ? 'Dump import' : 'Sync',
        recordedAt: now(),
      };
      const unchanged = recordedCopy !== null && recordedCopy.version === copyVersion && job.source !== 'dump';
      if (unchanged && latest === recordedCopy?.at) {
        loaded?.observeUnchanged(moment);
        batch.comparedWith = latest;
        await save(loaded, moment, { batch, items: [] });
        recordedCopy = { version: copyVersion, at };
        return;
      }
      // A later moment came in meanwhile (a dump of today): the copy must be read after all,
      // which is only possible while it is still the copy this job ended with.
      if (!reading) {
        if (copy.version !== copyVersion) return;
        reading = { version: copyVersion, rows: readingOfCopy() };
      }
      const facts = await runInSlices(projectFactsInSteps(reading.rows));
      const current = await model();
      if (current.has(at)) {
        // The same dump again: nothing new, and the queue says so.
        batch.comparedWith = at;
        return save(current, null, { batch, items: [] });
      }
      const isLatest = current.latest === null || at > current.latest;
      const { previous, changes } = await runInSlices(current.observeInSteps(moment, facts, isLatest));
      batch.comparedWith = previous;
      batch.note = reviewNote(previous, at, isLatest);
      let items: Omit<ReviewItemRecord, 'id' | 'batchId' | 'seen'>[] = [];
      if (batch.note === null && previous !== null) {
        const found = reviewItemsOf(current, facts, previous, changes);
        items = found.items;
        batch.total = found.total;
        batch.dropped = found.total - found.items.length;
      }
      await save(current, moment, { batch, items });
      if (isLatest) recordedCopy = { version: copyVersion, at };
    })
      .catch((error: unknown) => {
        // A model left half way by a failed step is read again from disk next time.
        loaded = null;
        // History must never fail the sync it follows; the page shows what went wrong.
        problems.push(`History could not record the sync of ${new Date(job.endedAt).toISOString()}: ${error instanceof Error ? error.message : String(error)}`);
        if (problems.length > 10) problems.shift();
      })
      .finally(() => {
        // Once recorded (or given up), the copy's version says what the reading would.
        if (pendingReading === reading) pendingReading = null;
      });
    return { written };
  }

  function reviewNote(previous: number | null, at: number, isLatest: boolean): ReviewBatchNote | null {
    if (previous === null) return 'first';
    if (!isLatest) return 'past';
    return at - previous > REVIEW_HORIZON ? 'too-far' : null;
  }

  function importMoment(text: string): Promise<Omit<HistoryMomentAck, 't' | 'seq'>> {
    const wire = parseObservationWire(text);
    const nowSeconds = Math.floor(now() / 1000);
    if (wire.at > nowSeconds + CLOCK_SKEW) {
      throw new Error(`${wire.label || 'The file'} is dated ${new Date(wire.at * 1000).toISOString()}, after today: it was not added to history.`);
    }
    return serial(async () => {
      const current = await model();
      if (current.has(wire.at)) return { outcome: 'known' as const, at: wire.at, changedFacts: 0 };
      const moment: HistoryMomentRecord = { at: wire.at, source: wire.source, label: wire.label, recordedAt: now() };
      let changedFacts: number;
      try {
        ({ changedFacts } = await runInSlices(current.observeInSteps(moment, wire.facts, false)));
      } catch (error) {
        loaded = null;
        throw error;
      }
      await save(current, moment, null);
      return { outcome: 'added' as const, at: wire.at, changedFacts };
    });
  }

  return {
    recordSync,
    importMoment,
    read: (read) => serial(async () => read(await model())),
    problems,
    settled: () => queue.then(() => undefined),
  };
}

const recorders = new WeakMap<PeeringDatabase, HistoryRecorder>();

/** The worker's one history recorder for its database, made on first use. */
export function historyRecorderFor(ctx: StoreContext): HistoryRecorder {
  let recorder = recorders.get(ctx.db);
  if (!recorder) {
    recorder = createHistoryRecorder({ db: ctx.db, copy: ctx.copy, onChanged: () => ctx.notifyChanged() });
    recorders.set(ctx.db, recorder);
  }
  return recorder;
}

/** A history moment from a job's port: stored, then acknowledged (or refused with the reason). */
export async function receiveHistoryMoment(
  recorder: HistoryRecorder,
  message: HistoryMomentMessage,
  post: (reply: StoreToMain) => void,
): Promise<void> {
  try {
    const result = await recorder.importMoment(message.rowsJson);
    post({ t: 'history-ack', seq: message.seq, ...result });
  } catch (error) {
    post({ t: 'nack', seq: message.seq, message: error instanceof Error ? error.message : String(error), kind: 'write' });
  }
}
