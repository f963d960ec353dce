/**
 * Walks a `since` list page by page. The end is an EMPTY page, never a short one: PeeringDB
 * drops contacts the caller may not see after slicing, so a page can be short mid-list.
 */
import type { PdbPage } from './envelope';
import type { ListQuery } from './urls';

export interface PageLoopOptions {
  since: number;
  pageSize: number;
  /** Rows each page re-reads from the previous one (see SyncTuning.pageOverlap). */
  overlap: number;
  fetchPage(query: ListQuery): Promise<PdbPage>;
  /** Called for every non-empty page, in order; the loop waits for it (backpressure). */
  onPage(page: PdbPage, query: ListQuery): Promise<void>;
}

export interface PageLoopResult {
  requests: number;
  rows: number;
}

export async function pageThroughList(options: PageLoopOptions): Promise<PageLoopResult> {
  const { since, pageSize, overlap } = options;
  const step = pageSize - overlap;
  let skip = 0;
  let requests = 0;
  let rows = 0;
  for (;;) {
    const query: ListQuery = { since, limit: pageSize, skip };
    const page = await options.fetchPage(query);
    requests++;
    if (page.rows.length === 0) return { requests, rows };
    rows += page.rows.length;
    await options.onPage(page, query);
    // A server that ignores `limit` sent the whole list at once; asking again would repeat it.
    if (page.rows.length > pageSize) return { requests, rows };
    skip += step;
  }
}
