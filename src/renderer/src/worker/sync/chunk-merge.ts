/**
 * Merging a page's rows into a chunk: upsert by id, rows marked deleted leave, and the chunk
 * is written back as one JSON text sorted by id.
 */
import type { PdbRow, PdbType } from '../../../../shared/peeringdb';
import { CHUNK_IDS, bucketOf, chunkKey, type ChunkRecord } from '../db/schema';

export interface ChunkWrites {
  puts: ChunkRecord[];
  /** The chunks put, with their highest id, for appending to them later. */
  written: KnownChunk[];
  /** Keys of chunks left with no live rows. */
  deletes: string[];
}

/** The live rows a bucket holds in the copy (which mirrors the stored chunks). */
export function bucketRowsFromCopy(rows: ReadonlyMap<number, PdbRow>, bucket: number): PdbRow[] {
  if (rows.size === 0) return [];
  const found: PdbRow[] = [];
  const end = (bucket + 1) * CHUNK_IDS;
  for (let id = bucket * CHUNK_IDS; id < end; id++) {
    const row = rows.get(id);
    if (row) found.push(row);
  }
  return found;
}

export function parseChunkRows(chunk: ChunkRecord | undefined): PdbRow[] {
  return chunk ? (JSON.parse(chunk.json) as PdbRow[]) : [];
}

function mergeBucket(existing: readonly PdbRow[], incoming: ReadonlyMap<number, PdbRow>): PdbRow[] {
  if (existing.length === 0) {
    const live: PdbRow[] = [];
    for (const row of incoming.values()) if (row.status !== 'deleted') live.push(row);
    return sortedById(live);
  }
  const merged = new Map<number, PdbRow>();
  for (const row of existing) merged.set(row.id, row);
  for (const [id, row] of incoming) {
    if (row.status === 'deleted') merged.delete(id);
    else merged.set(id, row);
  }
  return sortedById([...merged.values()]);
}

function sortedById(rows: PdbRow[]): PdbRow[] {
  for (let i = 1; i < rows.length; i++) {
    if (rows[i - 1]!.id > rows[i]!.id) return rows.sort((a, b) => a.id - b.id);
  }
  return rows;
}

/** A chunk as last written, whose text still matches the stored rows of its bucket. */
export interface KnownChunk {
  record: ChunkRecord;
  maxId: number;
}

/**
 * Pages of a first load usually come in id order, so the next page often continues the
 * bucket the last one ended in: its rows are appended to the known text instead of the
 * whole bucket being written out again (stringify is the costly part of a page).
 */
function appendedChunk(known: KnownChunk, incoming: ReadonlyMap<number, PdbRow>): ChunkRecord | null {
  const rows: PdbRow[] = [];
  for (const [id, row] of incoming) {
    if (id <= known.maxId || row.status === 'deleted') return null;
    rows.push(row);
  }
  if (rows.length === 0) return null;
  const tail = JSON.stringify(sortedById(rows));
  const { record } = known;
  return { ...record, json: `${record.json.slice(0, -1)},${tail.slice(1)}`, count: record.count + rows.length };
}

/**
 * The chunk records to write for a page: one per touched bucket, built from the bucket's
 * current rows (`existingOf`) and the page's rows for it, or appended to a known chunk.
 */
export function mergeChunks(
  type: PdbType,
  buckets: ReadonlyMap<number, ReadonlyMap<number, PdbRow>>,
  existingOf: (bucket: number) => readonly PdbRow[],
  knownOf: (key: string) => KnownChunk | undefined = () => undefined,
): ChunkWrites {
  const writes: ChunkWrites = { puts: [], written: [], deletes: [] };
  const put = (record: ChunkRecord, maxId: number) => {
    writes.puts.push(record);
    writes.written.push({ record, maxId });
  };
  for (const [bucket, incoming] of buckets) {
    const key = chunkKey(type, bucket);
    const known = knownOf(key);
    const appended = known ? appendedChunk(known, incoming) : null;
    if (appended) {
      put(appended, Math.max(...incoming.keys()));
      continue;
    }
    const rows = mergeBucket(existingOf(bucket), incoming);
    if (rows.length === 0) writes.deletes.push(key);
    else put({ key, type, bucket, json: JSON.stringify(rows), count: rows.length }, rows[rows.length - 1]!.id);
  }
  return writes;
}

/** Every live row of a type as bucket chunks, each bucket sorted and stringified once. */
export function chunksOfType(type: PdbType, rows: ReadonlyMap<number, PdbRow>): ChunkWrites {
  const byBucket = new Map<number, PdbRow[]>();
  for (const [id, row] of rows) {
    const bucket = bucketOf(id);
    const inBucket = byBucket.get(bucket);
    if (inBucket) inBucket.push(row);
    else byBucket.set(bucket, [row]);
  }
  const writes: ChunkWrites = { puts: [], written: [], deletes: [] };
  for (const bucket of [...byBucket.keys()].sort((a, b) => a - b)) {
    const rows = sortedById(byBucket.get(bucket)!);
    const record: ChunkRecord = { key: chunkKey(type, bucket), type, bucket, json: JSON.stringify(rows), count: rows.length };
    writes.puts.push(record);
    writes.written.push({ record, maxId: rows[rows.length - 1]!.id });
  }
  return writes;
}
