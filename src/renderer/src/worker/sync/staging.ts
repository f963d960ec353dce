/**
 * The staged first load of a type (see stagingKey in ../db/schema): while it lasts, each page
 * is one staging record; when the type completes it is written out as bucket chunks in one go.
 * A type is either all bucket chunks or, while its first load is in progress, all staging
 * records. The writes run inside the page's transaction over chunks and meta.
 */
import type { PdbType } from '../../../../shared/peeringdb';
import { META, stagingBucket, stagingKey, type PeeringDatabase } from '../db/schema';
import type { ChunkWrites } from './chunk-merge';

export interface StagingDecision {
  /** Staging records the type holds on disk now. */
  stagedCount: number;
  replace: boolean;
  /** A snapshot's pages come in id order and merge cheaply into buckets. */
  snapshot: boolean;
  typeHasRows: boolean;
  watermark: number | null;
  pageHasRows: boolean;
}

/**
 * A type already staged stays staged until it completes (only a full list replacing it ends
 * that early); a delta page starts staging when the type has neither rows nor a watermark.
 */
export function pageIsStaged(d: StagingDecision): boolean {
  if (d.replace) return false;
  if (d.stagedCount > 0) return true;
  return !d.snapshot && !d.typeHasRows && d.watermark === null && d.pageHasRows;
}

/** Keeps the page's text as received (no re-stringify) as the type's next staging record. */
export async function appendStagingRecord(
  db: PeeringDatabase,
  type: PdbType,
  stagedCount: number,
  rowsJson: string,
  rowCount: number,
): Promise<void> {
  const n = stagedCount + 1;
  await db.chunks.put({ key: stagingKey(type, n), type, bucket: stagingBucket(n), json: rowsJson, count: rowCount });
  await db.meta.put({ key: META.staging(type), value: n });
}

/** Removes everything stored of the type: bucket chunks, staging records and their count. */
export async function clearStoredType(db: PeeringDatabase, type: PdbType): Promise<void> {
  await db.chunks.where('type').equals(type).delete();
  await db.meta.delete(META.staging(type));
}

/** Replaces everything stored of the type with the bucket chunks of `writes`. */
export async function writeTypeAsBuckets(db: PeeringDatabase, type: PdbType, writes: ChunkWrites): Promise<void> {
  await clearStoredType(db, type);
  if (writes.puts.length) await db.chunks.bulkPut(writes.puts);
}
