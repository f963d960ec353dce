/**
 * The local database. PeeringDB rows are stored as JSON chunks, one record per (type, id
 * bucket), not one record per row: IndexedDB costs per record, and a full copy is ~250k rows.
 * The store worker loads the chunks into memory and answers discovery from in-memory indexes.
 * The user's own tables are ordinary records and are never touched by a sync or a flush.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { PdbType } from '../../../shared/peeringdb';
import type { SyncChangeSummary } from '../../../shared/sync';

export const DB_NAME = 'peering-assistant';

/** Ids per chunk. A chunk holds the rows of one type whose id falls in one bucket. */
export const CHUNK_IDS = 1024;

export function bucketOf(id: number): number {
  return Math.floor(id / CHUNK_IDS);
}

export function chunkKey(type: PdbType, bucket: number): string {
  return `${type}:${bucket}`;
}

export interface ChunkRecord {
  /** `${type}:${bucket}` */
  key: string;
  type: PdbType;
  bucket: number;
  /** JSON text of the chunk's rows (an array), never rows with status "deleted". */
  json: string;
  count: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface ChangeLogRecord extends SyncChangeSummary {
  id?: number;
}

export interface MyNetworkRecord {
  asn: number;
  addedAt: number;
}

export type PeerStateKind = 'requested' | 'peered' | 'rejected' | 'hidden';

export interface PeerStateRecord {
  /** The peer's ASN. */
  asn: number;
  state: PeerStateKind | null;
  /** ISO date (YYYY-MM-DD) until which a hidden peer stays hidden. */
  hiddenUntil?: string;
  /** ISO date the request was sent, for state "requested". */
  requestedAt?: string;
  note: string;
  updatedAt: number;
}

export interface TemplateRecord {
  key: string;
  subject: string;
  body: string;
  updatedAt: number;
}

export type PeeringDatabase = Dexie & {
  chunks: EntityTable<ChunkRecord, 'key'>;
  meta: EntityTable<MetaRecord, 'key'>;
  changes: EntityTable<ChangeLogRecord, 'id'>;
  myNetworks: EntityTable<MyNetworkRecord, 'asn'>;
  peerStates: EntityTable<PeerStateRecord, 'asn'>;
  templates: EntityTable<TemplateRecord, 'key'>;
};

/** Tables holding PeeringDB's data: a flush empties these and only these. */
export const PEERINGDB_TABLES = ['chunks', 'meta', 'changes'] as const;
/** Tables holding what the user made: no sync and no flush touches them. */
export const USER_TABLES = ['myNetworks', 'peerStates', 'templates'] as const;

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
  return db;
}

/** Meta keys. */
export const META = {
  watermark: (type: PdbType) => `watermark:${type}`,
  /** Bumped in every transaction that changes PeeringDB data, so readers know to reload. */
  dataVersion: 'dataVersion',
  lastSync: 'lastSync',
  pocWithKey: 'pocWithKey',
} as const;
