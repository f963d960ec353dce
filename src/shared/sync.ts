/**
 * The sync job's wire protocol. Main fetches; the store worker (in the renderer) is the only
 * writer. They talk over one MessagePort per job, with backpressure: main sends the next page
 * only after the store acknowledged the last one, which it does after the page's transaction
 * (rows and watermark together) committed; only small pages of changes (a resync's) may wait
 * for their acks together, up to a bound. The store applies messages in the order sent.
 */
import type { HistoryMomentAck, HistoryMomentMessage } from './history/protocol';
import type { PdbType } from './peeringdb';
import type { SkipReasons, SkippedRows } from './row-schema';

export type SyncSource = 'api' | 'cache' | 'dump';

export type SyncPhase =
  | 'idle'
  | 'starting'
  | 'fetching'
  | 'storing'
  | 'done'
  | 'cancelled'
  | 'error';

/** Per-type watermark: epoch seconds of the newest created/updated the store holds. */
export type Watermarks = Partial<Record<PdbType, number>>;

export interface StoreState {
  watermarks: Watermarks;
  /** Whether the stored contacts were fetched with an API key (Users-visible ones included). */
  pocWithKey: boolean;
}

export type SyncErrorCode =
  /** PeeringDB refused the API key that was sent. */
  | 'auth'
  /** PeeringDB refused access without a key being at fault (none sent, or a firewall's page). */
  | 'access-denied'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'malformed'
  | 'dump-format'
  | 'store'
  /** The local database ran out of room. */
  | 'disk-full'
  | 'cancelled';

/**
 * How far past "now" a watermark may be: clocks differ by a little, and PeeringDB's `Date`
 * header has whole seconds. Anything later is a claim from the future (a dump stamped 2100, a
 * row's bad `updated`): a watermark there would make every later sync ask for changes after
 * that moment and get none.
 */
export const WATERMARK_SKEW_SECONDS = 120;

/** The latest watermark that may be stored now: the earlier of the clocks given, plus the skew. */
export function watermarkCeiling(...nowSeconds: (number | undefined)[]): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const now of nowSeconds) if (now !== undefined && Number.isFinite(now) && now < earliest) earliest = now;
  return earliest + WATERMARK_SKEW_SECONDS;
}

/** Main → store worker. */
export type MainToStore =
  | { t: 'hello'; jobId: string; source: SyncSource; withKey: boolean }
  | { t: 'state?' }
  /**
   * One page of rows of one type, as JSON text (parsing into rows is the store's job, off
   * main's event loop): an array of depth-0 rows, or a PeeringDB answer whose `data` is that
   * array, which main passes on as it came once it has checked it (the rows of a bulk cache
   * file go unread: the store checks them, see `held` in the ack). `complete` marks the last
   * page of the type; `snapshotAt` (epoch s) is the cache's `meta.generated`, the watermark
   * of a snapshot load. `notAfter` (epoch s) is the latest watermark main allows, from the
   * server's clock and its own (see watermarkCeiling).
   */
  | {
      t: 'page';
      type: PdbType;
      seq: number;
      rowsJson: string;
      complete: boolean;
      snapshotAt?: number;
      /**
       * A page of a full list that replaces every stored row of the type. The store holds such
       * pages apart, leaving the stored rows as they are, until a `swap` puts them in place.
       */
      replace?: boolean;
      /**
       * The first page of a full list: whatever the store holds of the type's list in this job
       * (an earlier reading of it, cut off and read again) is dropped.
       */
      startsList?: boolean;
      notAfter?: number;
      fetchedRows: number;
      bytes: number;
    }
  /**
   * The full lists of these types are complete: each replaces its type, all in one transaction
   * (a dump takes every type's place at once or none). `snapshotAt` is the watermark each list
   * stands for; without one, the newest change among its rows. Acked with the rows now stored.
   * Main may send it before its pages are acknowledged: a list with a page the store refused or
   * could not write is not swapped in, and the swap is refused for the same reason.
   */
  | { t: 'swap'; seq: number; types: PdbType[]; snapshotAt?: Partial<Record<PdbType, number>>; notAfter?: number }
  | { t: 'progress'; progress: SyncProgress }
  | { t: 'end'; outcome: 'done' | 'cancelled' | 'error'; message?: string; code?: SyncErrorCode }
  /** A dump of a past date for history only (see history/protocol.ts). */
  | HistoryMomentMessage;

/** Rows of a page held for a swap that passed the row schema, by status. */
export interface HeldRowCounts {
  live: number;
  deleted: number;
}

/** Store worker → main. */
export type StoreToMain =
  | { t: 'state'; state: StoreState }
  /**
   * `skipped`: rows the store left out as not valid, by reason. `held`, for a page of a full
   * list held for its swap: its rows that passed, live and deleted, which main counts in its
   * progress (it sends a bulk cache file's rows unread).
   */
  | { t: 'ack'; seq: number; stored: number; skipped?: SkipReasons; held?: HeldRowCounts }
  /**
   * A page or swap that changed nothing: `refused` data the store cannot read, a `write` that
   * failed, or a database that is `full`.
   */
  | { t: 'nack'; seq: number; message: string; kind: 'refused' | 'write' | 'full' }
  | HistoryMomentAck;

export interface TypeProgress {
  /** Distinct live rows received (a row that two pages both hold counts once). */
  fetched: number;
  /** Distinct rows received as deleted: they remove rows, they add none. */
  deleted: number;
  /** Rows of `fetched` the store has taken. */
  stored: number;
  /** Rows left out as not valid (see skippedRows for why). */
  skipped: number;
  bytes: number;
  done: boolean;
}

/**
 * A pause before the next request: PeeringDB's pacing (2 s apart, a cap a minute), a 429's
 * Retry-After, or the backoff after a failed attempt.
 */
export interface SyncWait {
  reason: 'pacing' | 'rate-limited' | 'retrying';
  /** How long this pause lasts, from when it was reported. */
  ms: number;
}

/** The one progress event of a sync, shown by the UI. */
export interface SyncProgress {
  jobId: string;
  source: SyncSource;
  phase: SyncPhase;
  type?: PdbType;
  types: Partial<Record<PdbType, TypeProgress>>;
  fetchedRows: number;
  storedRows: number;
  bytes: number;
  /** Rows left out as not valid, by type and reason. */
  skippedRows?: SkippedRows;
  /** Estimated milliseconds left, when there is a basis for it. */
  etaMs?: number;
  /** Set while the sync holds its next request back, so the user sees why nothing moves. */
  waiting?: SyncWait;
  message?: string;
  code?: SyncErrorCode;
  startedAt: number;
  endedAt?: number;
}

/** What one sync changed, kept in the change log. */
export interface SyncChangeSummary {
  jobId: string;
  source: SyncSource;
  startedAt: number;
  endedAt: number;
  outcome: 'done' | 'cancelled' | 'error';
  perType: Partial<Record<PdbType, { added: number; updated: number; deleted: number }>>;
  /** Networks (ASN) that joined or left an IXP in this sync. */
  ixMoves: { ixId: number; ixName: string; joined: number[]; left: number[] }[];
}
