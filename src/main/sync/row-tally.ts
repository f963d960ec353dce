/**
 * Counting the rows of a job once each. API pages overlap (each re-reads the end of the one
 * before, see SyncTuning.pageOverlap), so a page's length overstates what it brought; the
 * tally remembers the ids it has counted per type.
 */
import type { PdbType } from '../../shared/peeringdb';

export interface NewRows {
  /** Rows not counted before that are live (ok or pending). */
  live: number;
  /** Rows not counted before that come as deleted. */
  deleted: number;
}

export class RowTally {
  private readonly seen = new Map<PdbType, Set<number>>();

  /** Counts the rows of a page that earlier pages of the type did not hold. */
  count(type: PdbType, rows: readonly { id: number; status?: unknown }[]): NewRows {
    let seen = this.seen.get(type);
    if (!seen) this.seen.set(type, (seen = new Set()));
    const counts: NewRows = { live: 0, deleted: 0 };
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      if (row.status === 'deleted') counts.deleted++;
      else counts.live++;
    }
    return counts;
  }
}

/** Counts without remembering ids: for lists that never repeat a row (a dump, a cache file). */
export function countRows(rows: readonly { status?: unknown }[]): NewRows {
  let deleted = 0;
  for (const row of rows) if (row.status === 'deleted') deleted++;
  return { live: rows.length - deleted, deleted };
}
