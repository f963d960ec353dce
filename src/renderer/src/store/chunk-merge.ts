/**
 * Merging a page's rows into a chunk: upsert by id, rows marked deleted leave, and the chunk
 * is written back as one JSON text sorted by id.
 */
import type { PdbRow, PdbType } from '../../../shared/peeringdb';
import { CHUNK_IDS, chunkKey, type ChunkRecord } from '../db/schema';

export interface ChunkWrites {
  puts: ChunkRecord[];
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

/**
 * The chunk records to write for a page: one per touched bucket, built from the bucket's
 * current rows (`existingOf`) and the page's rows for it.
 */
export function mergeChunks(
  type: PdbType,
  buckets: ReadonlyMap<number, ReadonlyMap<number, PdbRow>>,
  existingOf: (bucket: number) => readonly PdbRow[],
): ChunkWrites {
  const writes: ChunkWrites = { puts: [], deletes: [] };
  for (const [bucket, incoming] of buckets) {
    const rows = mergeBucket(existingOf(bucket), incoming);
    const key = chunkKey(type, bucket);
    if (rows.length === 0) writes.deletes.push(key);
    else writes.puts.push({ key, type, bucket, json: JSON.stringify(rows), count: rows.length });
  }
  return writes;
}
