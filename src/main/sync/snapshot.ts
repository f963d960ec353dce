/**
 * Sends a full list of one type (a bulk cache file) as pages of a replacement, then asks the
 * store to swap it in. The store holds the pages apart and puts them in the old rows' place
 * in one transaction, so a list cut off half way changes nothing and is loaded whole next time.
 */
import type { PdbType } from '../../shared/peeringdb';
import type { ProgressReporter } from './progress-reporter';
import { countRows } from './row-tally';
import type { StoreSession } from './store-session';

export interface FullList {
  type: PdbType;
  /** Rows already checked against the row schema. */
  rows: readonly { id: number; status?: unknown }[];
  /** The watermark the list stands for (the cache's `meta.generated`), if known. */
  snapshotAt: number | undefined;
}

/**
 * Sends the list's rows as replacement pages; the caller swaps them in. Returns the live rows
 * the store holds for the swap: they count as stored only once it has happened.
 */
export async function sendReplacementPages(
  session: StoreSession,
  progress: ProgressReporter,
  list: FullList,
  pageSize: number,
  notAfter: number,
): Promise<number> {
  const { type, rows } = list;
  let held = 0;
  for (let offset = 0; offset < rows.length; offset += pageSize) {
    const slice = rows.slice(offset, offset + pageSize);
    const rowsJson = JSON.stringify(slice);
    progress.phase('storing', type);
    const ack = await session.page({
      type,
      rowsJson,
      complete: offset + slice.length >= rows.length,
      replace: true,
      notAfter,
      fetchedRows: slice.length,
      bytes: rowsJson.length,
    });
    progress.skipped(type, ack.skipped);
    held += Math.max(0, countRows(slice).live - sum(ack.skipped));
  }
  return held;
}

/** Sends a whole list and swaps it in at once. */
export async function replaceWithList(
  session: StoreSession,
  progress: ProgressReporter,
  list: FullList,
  pageSize: number,
  notAfter: number,
): Promise<void> {
  const held = await sendReplacementPages(session, progress, list, pageSize, notAfter);
  progress.phase('storing', list.type);
  await session.swap([list.type], list.snapshotAt === undefined ? {} : { [list.type]: list.snapshotAt }, notAfter);
  progress.stored(list.type, held);
}

export function sum(reasons: Record<string, number>): number {
  let total = 0;
  for (const count of Object.values(reasons)) total += count;
  return total;
}
