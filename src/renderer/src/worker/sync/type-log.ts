/**
 * Writing a type's log (see LogRange in ../db/schema): appending a page, holding the pages of
 * a full list apart until its swap, swapping them in, and compacting the type into bucket
 * chunks when its log holds too much that is no longer live. The functions without a
 * transaction of their own run inside the caller's, over chunks and meta, so the records move
 * with the meta that makes them part of the type.
 */
import type { PdbRow, PdbType } from '../../../../shared/peeringdb';
import { readLogRange } from '../db/meta';
import { META, bucketOf, chunkKey, logNumberOfKey, logRecordBucket, logRecordKey, type LogRange, type PeeringDatabase } from '../db/schema';

/** A log past this many records is compacted, however live its rows: each costs a parse at start. */
const MOST_LOG_RECORDS = 200;
/**
 * Rows stored but no longer live (replaced by a later version, deleted, read twice) that make a
 * compaction worth its cost: at least this many, and this share of the live rows.
 */
const LEAST_WASTE_ROWS = 5000;
const LEAST_WASTE_SHARE = 0.25;

/**
 * Appends one page as the type's next log record. `baseRows` is what the bucket chunks hold
 * when the type has no log yet: then they hold exactly its live rows.
 */
export async function appendLogRecord(
  db: PeeringDatabase,
  type: PdbType,
  range: LogRange | null,
  baseRows: number,
  rowsJson: string,
  rowCount: number,
): Promise<LogRange> {
  const n = range ? range.last + 1 : 1;
  const next: LogRange = { first: range?.first ?? n, last: n, rows: (range?.rows ?? 0) + rowCount, base: range ? range.base : baseRows };
  await db.chunks.put({ key: logRecordKey(type, n), type, bucket: logRecordBucket(n), json: rowsJson, count: rowCount });
  await db.meta.put({ key: META.log(type), value: next });
  return next;
}

/** The log records of a full list being received, held past the type's range until its swap. */
export interface HeldRecords {
  first: number;
  /** The number the next held record gets. */
  next: number;
  rows: number;
}

/**
 * Where a full list's records start: after every record of the type on disk, the range's and
 * any a list that never finished left behind, so that none of them is overwritten.
 */
export async function startHeldRecords(db: PeeringDatabase, type: PdbType): Promise<HeldRecords> {
  const keys = (await db.chunks.where('type').equals(type).primaryKeys()) as string[];
  let last = (await readLogRange(db, type))?.last ?? 0;
  for (const key of keys) last = Math.max(last, logNumberOfKey(key) ?? 0);
  return { first: last + 1, next: last + 1, rows: 0 };
}

/** Writes a page of a full list as a held record: nothing that loads sees it until the swap. */
export async function writeHeldRecord(db: PeeringDatabase, type: PdbType, held: HeldRecords, rowsJson: string, rowCount: number): Promise<void> {
  const n = held.next;
  await db.chunks.put({ key: logRecordKey(type, n), type, bucket: logRecordBucket(n), json: rowsJson, count: rowCount });
  held.next = n + 1;
  held.rows += rowCount;
}

/** Drops a full list's held records (it ended before its swap). */
export async function dropHeldRecords(db: PeeringDatabase, type: PdbType, held: HeldRecords): Promise<void> {
  const keys: string[] = [];
  for (let n = held.first; n < held.next; n++) keys.push(logRecordKey(type, n));
  if (keys.length > 0) await db.chunks.bulkDelete(keys);
}

/**
 * Makes the held records the whole of the type: every other record of it goes (bucket chunks,
 * the old log, records left by a list that never finished) and the range becomes theirs.
 */
export async function swapInHeldRecords(db: PeeringDatabase, type: PdbType, held: HeldRecords | null): Promise<void> {
  const keys = (await db.chunks.where('type').equals(type).primaryKeys()) as string[];
  const isHeld = (key: string) => {
    const n = logNumberOfKey(key);
    return held !== null && n !== null && n >= held.first && n < held.next;
  };
  const doomed = keys.filter((key) => !isHeld(key));
  if (doomed.length > 0) await db.chunks.bulkDelete(doomed);
  if (held === null || held.next === held.first) await db.meta.delete(META.log(type));
  else await db.meta.put({ key: META.log(type), value: { first: held.first, last: held.next - 1, rows: held.rows, base: 0 } satisfies LogRange });
}

/** Whether the type's log holds enough that is no longer live to be worth writing out as bucket chunks. */
export function wantsCompaction(range: LogRange, liveRows: number): boolean {
  const waste = range.base + range.rows - liveRows;
  return range.last - range.first + 1 > MOST_LOG_RECORDS || waste > Math.max(LEAST_WASTE_ROWS, liveRows * LEAST_WASTE_SHARE);
}

/**
 * Writes the type's live rows (`rows`, which mirror what is stored) as bucket chunks and drops
 * its log, in one transaction, one bucket per task: a large type never holds the thread for
 * long. Records past the range (a full list being received) stay. False when there was no log
 * (a flush or another compaction came first).
 */
export async function compactIntoBuckets(db: PeeringDatabase, type: PdbType, rows: ReadonlyMap<number, PdbRow>): Promise<boolean> {
  return db.transaction('rw', [db.chunks, db.meta], async () => {
    const range = await readLogRange(db, type);
    if (!range) return false;
    const keys = (await db.chunks.where('type').equals(type).primaryKeys()) as string[];
    const inRange = (n: number | null) => n === null || (n >= range.first && n <= range.last);
    await db.chunks.bulkDelete(keys.filter((key) => inRange(logNumberOfKey(key))));
    const buckets = new Map<number, PdbRow[]>();
    for (const [id, row] of rows) {
      const bucket = bucketOf(id);
      const list = buckets.get(bucket);
      if (list) list.push(row);
      else buckets.set(bucket, [row]);
    }
    for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
      const list = buckets.get(bucket)!.sort((a, b) => a.id - b.id);
      // Awaited one by one: each put's answer is a task of its own, so the work between them is
      // one bucket's (CHUNK_IDS ids at most).
      await db.chunks.put({ key: chunkKey(type, bucket), type, bucket, json: JSON.stringify(list), count: list.length });
    }
    await db.meta.delete(META.log(type));
    return true;
  });
}
