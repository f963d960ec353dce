/**
 * Filling the in-memory copy from the stored chunks, at worker start: one getAll over the
 * primary key (cheaper than reading through the type index) and one JSON.parse per chunk.
 * Bucket chunks hold the base's live rows; each type's log records (see LogRange) hold pages
 * as received and are applied after them, oldest first, so later versions and deletions win.
 * Log records outside a type's range (a full list that never got swapped in) are skipped.
 */
import { isPdbType, type PdbRow, type PdbType } from '../../../../shared/peeringdb';
import { readLogRanges } from '../db/meta';
import { logRecordNumber, type ChunkRecord, type PeeringDatabase } from '../db/schema';
import type { LocalCopy } from './local-copy';
import { rowsOfPageValue } from '../sync/page-rows';

export async function loadCopy(db: PeeringDatabase, copy: LocalCopy): Promise<void> {
  const [chunks, ranges] = await db.transaction('r', [db.chunks, db.meta], () => Promise.all([db.chunks.toArray(), readLogRanges(db)]));
  copy.clear();
  const logged: { type: PdbType; n: number; record: ChunkRecord }[] = [];
  for (const chunk of chunks) {
    // A chunk of a type this version does not know (written by a newer one) is skipped.
    if (!isPdbType(chunk.type)) continue;
    const n = logRecordNumber(chunk);
    if (n !== null) {
      const range = ranges.get(chunk.type);
      if (range && n >= range.first && n <= range.last) logged.push({ type: chunk.type, n, record: chunk });
      continue;
    }
    const rows = copy.rows[chunk.type] as Map<number, PdbRow>;
    for (const row of JSON.parse(chunk.json) as PdbRow[]) rows.set(row.id, row);
  }
  logged.sort((a, b) => a.n - b.n);
  for (const { type, record } of logged) {
    const rows = copy.rows[type] as Map<number, PdbRow>;
    // A log record is a page's text as it came: rows, or PeeringDB's answer holding them.
    for (const row of (rowsOfPageValue(JSON.parse(record.json)) ?? []) as PdbRow[]) {
      if (row.status === 'deleted') rows.delete(row.id);
      else rows.set(row.id, row);
    }
  }
  copy.version++;
}
