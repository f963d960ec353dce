/**
 * How history and the review queue are stored. Facts' segments (see timeline.ts) are kept as
 * JSON chunks, one record per (kind, bucket), as the copy keeps its rows: IndexedDB costs per
 * record, and history holds some 150,000 facts. A new moment rewrites only the chunks whose
 * facts changed.
 */
import type { HistoryKind, ObservationSource } from '../../../../shared/history/facts';
import type { SyncSource } from '../../../../shared/sync';
import type { ReviewBatchNote, ReviewEntry } from '../../protocol/history';

export interface HistoryChunkRecord {
  /** `${kind}:${bucket}`. */
  key: string;
  kind: HistoryKind;
  bucket: number;
  /** JSON text: [factKey, Segment[]][]. */
  json: string;
}

/** One moment history has observed: a sync's copy or a dump file. */
export interface HistoryMomentRecord {
  /** Epoch seconds. */
  at: number;
  source: ObservationSource;
  label: string;
  /** Epoch ms it was recorded. */
  recordedAt: number;
}

export interface ReviewBatchRecord {
  id?: number;
  /** Epoch ms the sync ended. */
  endedAt: number;
  source: SyncSource;
  jobId: string;
  /** Epoch s of the moment this sync recorded, and of the one it was compared with. */
  at: number;
  comparedWith: number | null;
  note: ReviewBatchNote | null;
  total: number;
  dropped: number;
}

/** A review entry as stored: the entry the page reads, with what the queue needs to find it. */
export interface ReviewItemRecord extends Omit<ReviewEntry, 'id' | 'isNew'> {
  id?: number;
  /**
   * The places ("ix:12", "fac:34") the change concerns: its own place, or for what belongs to
   * a network (policy, contact, deletion) every place the network was at before or after.
   * "Where my networks are" is decided with these when the queue is read, so it follows my list.
   */
  placeKeys: string[];
  /** 1 once looked at (a number, so it can be indexed). */
  seen: 0 | 1;
}

/**
 * Chunk buckets: an exchange's memberships share one record, so its history is one read;
 * other facts go by id ranges sized to keep a day's rewrite small.
 */
export function bucketOfFact(kind: HistoryKind, key: string): number {
  const first = Number.parseInt(key, 10);
  switch (kind) {
    case 'member':
      return first;
    case 'netfac':
      return first >> 4;
    case 'net':
      return first >> 6;
    case 'ix':
    case 'fac':
      return first >> 8;
  }
}

export function historyChunkKey(kind: HistoryKind, bucket: number): string {
  return `${kind}:${bucket}`;
}
