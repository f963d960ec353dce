/**
 * Sends a full list of one type (a bulk cache file, a dump's type) as pages that replace
 * what the store holds. The store clears the type with the first page and sets the
 * watermark only with the last, so a snapshot cut off half way is loaded whole next time.
 */
import type { PdbType } from '../../shared/peeringdb';
import type { ProgressReporter } from './progress-reporter';
import type { StoreSession } from './store-session';

export async function sendSnapshot(
  session: StoreSession,
  progress: ProgressReporter,
  type: PdbType,
  rows: readonly Record<string, unknown>[],
  snapshotAt: number | undefined,
  pageSize: number,
): Promise<void> {
  let offset = 0;
  do {
    const slice = rows.slice(offset, offset + pageSize);
    offset += slice.length;
    const complete = offset >= rows.length;
    const rowsJson = JSON.stringify(slice);
    progress.phase('storing', type);
    const stored = await session.page({
      type,
      rowsJson,
      complete,
      replace: true,
      fetchedRows: slice.length,
      bytes: rowsJson.length,
      ...(complete && snapshotAt !== undefined ? { snapshotAt } : {}),
    });
    progress.stored(type, stored);
  } while (offset < rows.length);
}
