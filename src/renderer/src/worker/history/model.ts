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

  static fromRecords(moments: readonly HistoryMomentRecord[], chunks: readonly HistoryChunkRecord[]): HistoryModel {
    const model = new HistoryModel();
    for (const record of [...moments].sort((a, b) => a.at - b.at)) {
      model.moments.push(record.at);
      model.momentRecords.set(record.at, record);
    }
    for (const chunk of chunks) {
      if (!(HISTORY_KINDS as readonly string[]).includes(chunk.kind)) continue;
      const entries = JSON.parse(chunk.json) as [string, Segment[]][];
      model.facts[chunk.kind].set(chunk.bucket, new Map(entries));
      model.chunkSizes.set(chunk.key, chunk.json.length);
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
    const { at } = record;
    if (this.has(at)) throw new Error(`The moment ${at} is already in history`);
    const around = this.neighbours(at);
    const { previous } = around;
    const compare = listChanges && previous !== null;
    const changes: FactChange[] = [];
    let changedFacts = 0;

    for (const kind of HISTORY_KINDS) {
      const buckets = this.facts[kind];
      const observed = facts[kind];
      for (const [bucket, stored] of buckets) {
        for (const [key, segments] of stored) {
          const value = observed.get(key);
          if (compare) {
            const before = valueAt(segments, previous);
            if (!sameOrBothAbsent(before, value)) {
              changes.push({ kind, key, before, after: value, hadEarlier: before === undefined && segments[0]![0] < at });
            }
          }
          const next = applyObservation(segments, at, around, value);
          if (next) {
            stored.set(key, next);
            this.dirty.add(historyChunkKey(kind, bucket));
            changedFacts++;
          }
        }
      }
      for (const [key, value] of observed) {
        const bucket = bucketOfFact(kind, key);
        let stored = buckets.get(bucket);
        if (stored?.has(key)) continue;
        if (!stored) buckets.set(bucket, (stored = new Map()));
        stored.set(key, [[at, around.next === null ? null : at, value]]);
        this.dirty.add(historyChunkKey(kind, bucket));
        changedFacts++;
        if (compare) changes.push({ kind, key, before: undefined, after: value, hadEarlier: false });
      }
    }

    const index = this.lowerBound(at);
    this.moments.splice(index, 0, at);
    this.momentRecords.set(at, record);
    this.version++;
    return { changedFacts, previous, changes };
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

  /** The chunk records to write (and the keys of emptied ones to delete) since the last call. */
  takeDirtyChunks(): { puts: HistoryChunkRecord[]; deletes: string[] } {
    const puts: HistoryChunkRecord[] = [];
    const deletes: string[] = [];
    for (const key of this.dirty) {
      const colon = key.indexOf(':');
      const kind = key.slice(0, colon) as HistoryKind;
      const bucket = Number(key.slice(colon + 1));
      const facts = this.facts[kind].get(bucket);
      if (!facts || facts.size === 0) {
        deletes.push(key);
        this.chunkSizes.delete(key);
        continue;
      }
      // Sorted, so the same history is the same text whatever order its moments came in.
      const json = JSON.stringify([...facts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      puts.push({ key, kind, bucket, json });
      this.chunkSizes.set(key, json.length);
    }
    this.dirty.clear();
    return { puts, deletes };
  }
}
