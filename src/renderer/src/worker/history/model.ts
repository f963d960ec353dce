/**
 * History in memory: the moments observed, and every fact's segments (see timeline.ts) by kind
 * and chunk bucket. Adding a moment touches each fact once; the chunks whose facts changed are
 * marked, so only they are written back.
 */
import {
  HISTORY_KINDS,
  sameFactValue,
  type FactValue,
  type Facts,
  type HistoryKind,
} from '../../../../shared/history/facts';
import { bucketOfFact, historyChunkKey, type HistoryChunkRecord, type HistoryMomentRecord } from './records';
import { applyObservation, valueAt, type Neighbours, type Segment } from './timeline';

/** A fact whose value at the new moment differs from the moment before it. */
export interface FactChange {
  kind: HistoryKind;
  key: string;
  before: FactValue | undefined;
  after: FactValue | undefined;
  /** The fact was there at some moment before the one compared with: it came back. */
  hadEarlier: boolean;
}

export interface ObserveResult {
  /** Facts whose segments changed. */
  changedFacts: number;
  /** The moment just before the new one, if any. */
  previous: number | null;
  /** Compared with `previous`; listed only when asked for. */
  changes: FactChange[];
}

type Buckets = Map<number, Map<string, Segment[]>>;

function sameOrBothAbsent(a: FactValue | undefined, b: FactValue | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameFactValue(a, b);
}

/** Facts looked at between two pauses of observeInSteps. */
const FACTS_PER_STEP = 4096;
/** Characters of chunk text written out between two pauses of takeDirtyChunksInSteps. */
const CHUNK_CHARS_PER_STEP = 256 * 1024;

/** Where one observation stands, passed between its steps. */
interface ObservePass {
  at: number;
  around: Neighbours;
  compare: boolean;
  changes: FactChange[];
  changedFacts: number;
}

export class HistoryModel {
  /** Sorted ascending, epoch seconds. */
  readonly moments: number[] = [];
  readonly momentRecords = new Map<number, HistoryMomentRecord>();
  private readonly facts: Record<HistoryKind, Buckets> = {
    ix: new Map(),
    fac: new Map(),
    net: new Map(),
    member: new Map(),
    netfac: new Map(),
  };
  private readonly dirty = new Set<string>();
  /** Stored size of each chunk's text, for what history costs on disk. */
  private readonly chunkSizes = new Map<string, number>();
  /** Bumped with every change, so answers derived from the model know when to recompute. */
  version = 0;

  /** The model of what is stored, read a few chunks at a time: a year of history is megabytes of text. */
  static *fromRecordsInSteps(moments: readonly HistoryMomentRecord[], chunks: readonly HistoryChunkRecord[]): Generator<void, HistoryModel, void> {
    const model = new HistoryModel();
    for (const record of [...moments].sort((a, b) => a.at - b.at)) {
      model.moments.push(record.at);
      model.momentRecords.set(record.at, record);
    }
    let sinceYield = 0;
    for (const chunk of chunks) {
      if (!(HISTORY_KINDS as readonly string[]).includes(chunk.kind)) continue;
      const entries = JSON.parse(chunk.json) as [string, Segment[]][];
      model.facts[chunk.kind].set(chunk.bucket, new Map(entries));
      model.chunkSizes.set(chunk.key, chunk.json.length);
      sinceYield += chunk.json.length;
      if (sinceYield >= CHUNK_CHARS_PER_STEP) {
        sinceYield = 0;
        yield;
      }
    }
    return model;
  }

  get first(): number | null {
    return this.moments[0] ?? null;
  }

  get latest(): number | null {
    return this.moments.at(-1) ?? null;
  }

  has(at: number): boolean {
    return this.momentRecords.has(at);
  }

  /** Index of the first moment >= at. */
  private lowerBound(at: number): number {
    let low = 0;
    let high = this.moments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.moments[mid]! < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  neighbours(at: number): Neighbours {
    const index = this.lowerBound(at);
    const nextIndex = this.moments[index] === at ? index + 1 : index;
    return { previous: this.moments[index - 1] ?? null, next: this.moments[nextIndex] ?? null };
  }

  /** The moment after `at` (an observed one), or null after the latest. */
  momentAfter(at: number): number | null {
    return this.neighbours(at).next;
  }

  segments(kind: HistoryKind, key: string): Segment[] | undefined {
    return this.facts[kind].get(bucketOfFact(kind, key))?.get(key);
  }

  /** The facts of one bucket (for members: one exchange), or nothing. */
  bucket(kind: HistoryKind, bucket: number): ReadonlyMap<string, Segment[]> {
    return this.facts[kind].get(bucket) ?? new Map();
  }

  *entries(kind: HistoryKind): Generator<[string, Segment[]]> {
    for (const facts of this.facts[kind].values()) yield* facts;
  }

  valueAt(kind: HistoryKind, key: string, at: number): FactValue | undefined {
    return valueAt(this.segments(kind, key), at);
  }

  get storedBytes(): number {
    let total = 0;
    for (const size of this.chunkSizes.values()) total += size;
    return total;
  }

  /**
   * Adds the moment `record.at` (not observed before) with every fact it holds; facts it lacks
   * were absent then. With `listChanges`, also says what differs from the moment before.
   */
  observe(record: HistoryMomentRecord, facts: Facts, listChanges: boolean): ObserveResult {
    const steps = this.observeInSteps(record, facts, listChanges);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * observe, a few thousand facts at a time: it yields between them. Until it is done the model
   * is half way between two states, so nothing else may use it meanwhile (the recorder's
   * queue sees to that); the moment itself is added last.
   */
  *observeInSteps(record: HistoryMomentRecord, facts: Facts, listChanges: boolean): Generator<void, ObserveResult, void> {
    const { at } = record;
    if (this.has(at)) throw new Error(`The moment ${at} is already in history`);
    const pass: ObservePass = { at, around: this.neighbours(at), compare: false, changes: [], changedFacts: 0 };
    pass.compare = listChanges && pass.around.previous !== null;

    for (const kind of HISTORY_KINDS) {
      const buckets = this.facts[kind];
      const observed = facts[kind];
      let sinceYield = 0;
      for (const [bucket, stored] of buckets) {
        this.observeStoredBucket(pass, kind, bucket, stored, observed);
        sinceYield += stored.size;
        if (sinceYield >= FACTS_PER_STEP) {
          sinceYield = 0;
          yield;
        }
      }
      const fresh = observed.entries();
      while (!this.observeNewFacts(pass, kind, fresh, FACTS_PER_STEP)) yield;
    }

    const index = this.lowerBound(at);
    this.moments.splice(index, 0, at);
    this.momentRecords.set(at, record);
    this.version++;
    return { changedFacts: pass.changedFacts, previous: pass.around.previous, changes: pass.changes };
  }

  /** The new moment's values for the facts of one bucket that history already has. */
  private observeStoredBucket(pass: ObservePass, kind: HistoryKind, bucket: number, stored: Map<string, Segment[]>, observed: ReadonlyMap<string, FactValue>): void {
    const { at, around } = pass;
    for (const [key, segments] of stored) {
      const value = observed.get(key);
      if (pass.compare) {
        const before = valueAt(segments, around.previous!);
        if (!sameOrBothAbsent(before, value)) {
          pass.changes.push({ kind, key, before, after: value, hadEarlier: before === undefined && segments[0]![0] < at });
        }
      }
      const next = applyObservation(segments, at, around, value);
      if (next) {
        stored.set(key, next);
        this.dirty.add(historyChunkKey(kind, bucket));
        pass.changedFacts++;
      }
    }
  }

  /** Up to `count` more of the new moment's facts, added where history does not have them yet; true once none are left. */
  private observeNewFacts(pass: ObservePass, kind: HistoryKind, fresh: Iterator<[string, FactValue]>, count: number): boolean {
    const { at, around } = pass;
    const buckets = this.facts[kind];
    for (let n = 0; n < count; n++) {
      const entry = fresh.next();
      if (entry.done) return true;
      const [key, value] = entry.value;
      const bucket = bucketOfFact(kind, key);
      let stored = buckets.get(bucket);
      if (stored?.has(key)) continue;
      if (!stored) buckets.set(bucket, (stored = new Map()));
      stored.set(key, [[at, around.next === null ? null : at, value]]);
      this.dirty.add(historyChunkKey(kind, bucket));
      pass.changedFacts++;
      if (pass.compare) pass.changes.push({ kind, key, before: undefined, after: value, hadEarlier: false });
    }
    return false;
  }

  /**
   * Adds a moment after the latest at which every fact is as it was then (a sync that changed
   * nothing): open segments run on through it, so no segment changes.
   */
  observeUnchanged(record: HistoryMomentRecord): void {
    if (this.latest !== null && record.at <= this.latest) throw new Error(`The moment ${record.at} is not after the latest`);
    this.moments.push(record.at);
    this.momentRecords.set(record.at, record);
    this.version++;
  }

  /**
   * The chunk records to write (and the keys of emptied ones to delete) since the last call,
   * yielding between chunks now and then: a first moment writes every one.
   */
  *takeDirtyChunksInSteps(): Generator<void, { puts: HistoryChunkRecord[]; deletes: string[] }, void> {
    const puts: HistoryChunkRecord[] = [];
    const deletes: string[] = [];
    const dirty = [...this.dirty];
    this.dirty.clear();
    let sinceYield = 0;
    for (const key of dirty) {
      const put = this.chunkOf(key);
      if (put) {
        puts.push(put);
        sinceYield += put.json.length;
      } else {
        deletes.push(key);
      }
      if (sinceYield >= CHUNK_CHARS_PER_STEP) {
        sinceYield = 0;
        yield;
      }
    }
    return { puts, deletes };
  }

  /** The record of one chunk as it is now, or null when it holds no facts (and goes). */
  private chunkOf(key: string): HistoryChunkRecord | null {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon) as HistoryKind;
    const bucket = Number(key.slice(colon + 1));
    const facts = this.facts[kind].get(bucket);
    if (!facts || facts.size === 0) {
      this.chunkSizes.delete(key);
      return null;
    }
    // Sorted, so the same history is the same text whatever order its moments came in.
    const json = JSON.stringify([...facts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    this.chunkSizes.set(key, json.length);
    return { key, kind, bucket, json };
  }
}
