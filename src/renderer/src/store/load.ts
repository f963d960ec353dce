/**
 * Filling the in-memory copy from the stored chunks, at worker start: one getAll over the
 * primary key (cheaper than reading through the type index) and one JSON.parse per chunk.
 */
import { isPdbType, type PdbRow } from '../../../shared/peeringdb';
import type { PeeringDatabase } from '../db/schema';
import type { LocalCopy } from './copy';

export async function loadCopy(db: PeeringDatabase, copy: LocalCopy): Promise<void> {
  const chunks = await db.chunks.toArray();
  copy.clear();
  for (const chunk of chunks) {
    // A chunk of a type this version does not know (written by a newer one) is skipped.
    if (!isPdbType(chunk.type)) continue;
    const rows = copy.rows[chunk.type] as Map<number, PdbRow>;
    for (const row of JSON.parse(chunk.json) as PdbRow[]) rows.set(row.id, row);
  }
  copy.version++;
}
