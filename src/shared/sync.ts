/**
 * The sync job's wire protocol. Main fetches; the store worker (in the renderer) is the only
 * writer. They talk over one MessagePort per job, with backpressure: main sends the next page
 * only after the store acknowledged the last one, which it does after the page's transaction
 * (rows and watermark together) committed.
 */
import type { HistoryMomentAck, HistoryMomentMessage } from './history/protocol';
import type { PdbType } from './peeringdb';

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
  | 'auth'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'malformed'
  | 'dump-format'
  | 'store'
  | 'cancelled';

/** Main → store worker. */
export type MainToStore =
  | { t: 'hello'; jobId: string; source: SyncSource; withKey: boolean }
  | { t: 'state?' }
  /**
   * One page of rows of one type, as JSON text (parsing into rows is the store's job, off
   * main's event loop): an array of depth-0 rows, or a PeeringDB answer whose `data` is that
   * array, which main passes on as it came once it has checked it. `complete` marks the last
   * page of the type; `snapshotAt` (epoch s) is the cache's `meta.generated`, the watermark
   * of a snapshot load.
   */
  | {
      t: 'page';
      type: PdbType;
      seq: number;
      rowsJson: string;
      complete: boolean;
      snapshotAt?: number;
      /** Replace every stored row of the type (a full list, not a delta). */
      replace?: boolean;
      fetchedRows: number;
      bytes: number;
    }
  | { t: 'progress'; progress: SyncProgress }
  | { t: 'end'; outcome: 'done' | 'cancelled' | 'error'; message?: string; code?: SyncErrorCode }
  /** A dump of a past date for history only (see history/protocol.ts). */
  | HistoryMomentMessage;

/** Store worker → main. */
export type StoreToMain =
  | { t: 'state'; state: StoreState }
  | { t: 'ack'; seq: number; stored: number }
  | { t: 'nack'; seq: number; message: string }
  | HistoryMomentAck;

export interface TypeProgress {
  fetched: number;
  stored: number;
  bytes: number;
  done: boolean;
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
  /** Estimated milliseconds left, when there is a basis for it. */
  etaMs?: number;
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
