/**
 * The local database. PeeringDB rows are stored as JSON chunks, one record per (type, id
 * bucket), not one record per row: IndexedDB costs per record, and a full copy is ~250k rows.
 * The store worker loads the chunks into memory and answers discovery from in-memory indexes.
 * The user's own tables are ordinary records and are never touched by a sync or a flush.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { PdbType } from '../../../../shared/peeringdb';
import type { SyncChangeSummary } from '../../../../shared/sync';
import type {
  MyNetworkRecord,
  PeerStateRecord,
  PreferenceRecord,
  RequestLogRecord,
  SessionTemplateRecord,
  TemplateRecord,
} from '../../../../shared/user-data';
import type { HistoryChunkRecord, HistoryMomentRecord, ReviewBatchRecord, ReviewItemRecord } from '../history/records';

export const DB_NAME = 'peering-assistant';

/** Ids per chunk. A chunk holds the rows of one type whose id falls in one bucket. */
export const CHUNK_IDS = 1024;

export function bucketOf(id: number): number {
  return Math.floor(id / CHUNK_IDS);
}

export function chunkKey(type: PdbType, bucket: number): string {
  return `${type}:${bucket}`;
}

/**
 * A type is stored as a base and a log. A bucket chunk (`bucket` >= 0) holds the base's live
 * rows of one id bucket, sorted by id. A log record (`bucket` < 0) holds one page as it came,
 * applied after the base in order: the pages of a first load, of a full list that replaced the
 * type, and of every later change. Appending a page of changes writes one small record where
 * merging it into the buckets would rewrite every bucket it touches; when the log holds too
 * much that is no longer live, the type is compacted into bucket chunks again.
 */
export interface ChunkRecord {
  /** `${type}:${bucket}` for a bucket chunk, `${type}:s${n}` for the n-th log record. */
  key: string;
  type: PdbType;
  /** The id bucket, or -n for the n-th log record of the type. */
  bucket: number;
  /**
   * JSON text of the rows: an array, or (a log record) a PeeringDB answer holding it. A bucket
   * chunk never holds rows with status "deleted"; a log record keeps them, so that loading it
   * removes the rows' earlier versions.
   */
  json: string;
  count: number;
}

export function logRecordKey(type: PdbType, n: number): string {
  return `${type}:s${n}`;
}

export function logRecordBucket(n: number): number {
  return -n;
}

/** The number n of a log record, from its bucket or key; null for a bucket chunk. */
export function logRecordNumber(chunk: Pick<ChunkRecord, 'bucket'>): number | null {
  return chunk.bucket < 0 ? -chunk.bucket : null;
}

/** The number n of a log record from its key alone (`net:s12`), null for a bucket chunk's key. */
export function logNumberOfKey(key: string): number | null {
  const at = key.lastIndexOf(':s');
  if (at < 0) return null;
  const n = Number(key.slice(at + 2));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * Which log records of a type are part of it: those numbered `first` to `last`. Records past
 * `last` belong to a full list still being received (held apart until its swap) or to one that
 * never finished; loading skips them. `rows` counts the rows the records hold and `base` those
 * of the bucket chunks, for telling when compaction is worth it.
 */
export interface LogRange {
  first: number;
  last: number;
  rows: number;
  base: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface ChangeLogRecord extends SyncChangeSummary {
  id?: number;
}

export type PeeringDatabase = Dexie & {
  chunks: EntityTable<ChunkRecord, 'key'>;
  meta: EntityTable<MetaRecord, 'key'>;
  changes: EntityTable<ChangeLogRecord, 'id'>;
  myNetworks: EntityTable<MyNetworkRecord, 'asn'>;
  peerStates: EntityTable<PeerStateRecord, 'asn'>;
  templates: EntityTable<TemplateRecord, 'key'>;
  requestLog: EntityTable<RequestLogRecord, 'id'>;
  preferences: EntityTable<PreferenceRecord, 'key'>;
  sessionTemplates: EntityTable<SessionTemplateRecord, 'key'>;
  historyChunks: EntityTable<HistoryChunkRecord, 'key'>;
  historyMoments: EntityTable<HistoryMomentRecord, 'at'>;
  reviewBatches: EntityTable<ReviewBatchRecord, 'id'>;
  reviewItems: EntityTable<ReviewItemRecord, 'id'>;
};

/** Tables holding PeeringDB's data: a flush empties these and only these. */
export const PEERINGDB_TABLES = ['chunks', 'meta', 'changes'] as const;
/** Tables holding what the user made: no sync and no flush touches them. */
export const USER_TABLES = ['myNetworks', 'peerStates', 'templates', 'requestLog', 'preferences', 'sessionTemplates'] as const;
/**
 * Tables holding what PeeringDB was over time (history and the review queue), derived from
 * syncs and imported dumps of past dates. A flush keeps them: no sync can bring the past back,
 * and the next sync after a flush is then compared with what was there before.
 */
export const HISTORY_TABLES = ['historyChunks', 'historyMoments', 'reviewBatches', 'reviewItems'] as const;

export function openDatabase(name: string = DB_NAME): PeeringDatabase {
  const db = new Dexie(name) as PeeringDatabase;
  db.version(1).stores({
    chunks: 'key, type',
    meta: 'key',
    changes: '++id, endedAt',
    myNetworks: 'asn',
    peerStates: 'asn, state',
    templates: 'key',
  });
  // The request workflow: every request sent (by peer and time), the user's preferences, session templates.
  db.version(2).stores({
    requestLog: '++id, peerAsn, at',
    preferences: 'key',
    sessionTemplates: 'key',
    // What PeeringDB was over time: history's interval chunks, its moments, and the review queue.
    historyChunks: 'key',
    historyMoments: 'at',
    reviewBatches: '++id, at',
    reviewItems: '++id, batchId, seen',
  });
  return db;
}

/** Meta keys. */
export const META = {
  watermark: (type: PdbType) => `watermark:${type}`,
  /** Bumped in every transaction that changes PeeringDB data, so readers know to reload. */
  dataVersion: 'dataVersion',
  lastSync: 'lastSync',
  pocWithKey: 'pocWithKey',
  /**
   * The type's log range (see LogRange). Named after the staging records of first loads that
   * were its only use before; databases written then hold a count n, meaning records 1 to n.
   */
  log: (type: PdbType) => `staging:${type}`,
  /**
   * True once the type's first load (or a full list replacing it) completed: until every type
   * has it, the copy is incomplete and the screens say so.
   */
  loaded: (type: PdbType) => `loaded:${type}`,
} as const;
