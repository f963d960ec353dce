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
 * A bucket chunk (`bucket` >= 0) holds the live rows of one id bucket, sorted by id. A staging
 * record (`bucket` < 0) holds one page of a first load that is still in progress, as received.
 */
export interface ChunkRecord {
  /** `${type}:${bucket}` for a bucket chunk, `${type}:s${n}` for the n-th staging record. */
  key: string;
  type: PdbType;
  /** The id bucket, or -n for the n-th staging record of the type. */
  bucket: number;
  /**
   * JSON text of the rows (an array). A bucket chunk never holds rows with status "deleted";
   * a staging record keeps them, so that loading it removes the rows' earlier versions.
   */
  json: string;
  count: number;
}

/**
 * Pages of a first load from `since` lists come in order of change, each spread over nearly
 * every bucket of its type: merging each into the buckets would rewrite the whole type per
 * page. Until the type completes, each page is kept as one staging record instead, applied
 * in arrival order on load, and the type is then written out as buckets once.
 */
export function stagingKey(type: PdbType, n: number): string {
  return `${type}:s${n}`;
}

export function stagingBucket(n: number): number {
  return -n;
}

export function isStagingRecord(chunk: Pick<ChunkRecord, 'bucket'>): boolean {
  return chunk.bucket < 0;
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
  /** How many staging records the type's first load has written (absent: none on disk). */
  staging: (type: PdbType) => `staging:${type}`,
  /**
   * True once the type's first load (or a full list replacing it) completed: until every type
   * has it, the copy is incomplete and the screens say so.
   */
  loaded: (type: PdbType) => `loaded:${type}`,
} as const;
