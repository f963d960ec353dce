/**
 * Filling the in-memory copy from the stored chunks, at worker start: one getAll over the
 * primary key (cheaper than reading through the type index) and one JSON.parse per chunk.
 * Bucket chunks hold live rows; the staging records of a first load in progress hold pages as
 * received and are applied after them, oldest first, so later versions and deletions win.
 */
import { isPdbType, type PdbRow } from '../../../../shared/peeringdb';
import { isStagingRecord, type ChunkRecord, type PeeringDatabase } from '../db/schema';
import type { LocalCopy } from './local-copy';
import { rowsOfPageValue } from '../sync/page-rows';

export async function loadCopy(db: PeeringDatabase, copy: LocalCopy): Promise<void> {
  const chunks = await db.chunks.toArray();
  copy.clear();
  const staged: ChunkRecord[] = [];
  for (const chunk of chunks) {
    // A chunk of a type this version does not know (written by a newer one) is skipped.
    if (!isPdbType(chunk.type)) continue;
    if (isStagingRecord(chunk)) {
      staged.push(chunk);
      continue;
    }
    const rows = copy.rows[chunk.type] as Map<number, PdbRow>;
    for (const row of JSON.parse(chunk.json) as PdbRow[]) rows.set(row.id, row);
  }
  // Staging record n has bucket -n: arrival order is descending bucket.
  staged.sort((a, b) => b.bucket - a.bucket);
  for (const record of staged) {
    const rows = copy.rows[record.type] as Map<number, PdbRow>;
    // A staging record is a page's text as it came: rows, or PeeringDB's answer holding them.
    for (const row of (rowsOfPageValue(JSON.parse(record.json)) ?? []) as PdbRow[]) {
      if (row.status === 'deleted') rows.delete(row.id);
      else rows.set(row.id, row);
    }
  }
  copy.version++;
}
