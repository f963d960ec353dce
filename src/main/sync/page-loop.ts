/**
 * Walks a `since` list page by page (a first load or a full list that replaces a type; changes
 * come unpaged, see api-sync.ts). Only an empty page ends the list, never a short one:
 * PeeringDB drops rows the caller may not see (contacts) after slicing, so a page can be short
 * in the middle of a list.
 */
import type { PdbPage } from './envelope';
import type { ListQuery } from './urls';
import { settled, unwrap } from './settled';

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
  let query: ListQuery = { since, limit: pageSize, skip };
  let fetching = settled(options.fetchPage(query));
  for (;;) {
    const page = unwrap(await fetching);
    requests++;
    if (page.rows.length === 0) return { requests, rows };
    rows += page.rows.length;
    // A server that ignores `limit` sent the whole list at once; asking again would repeat it.
    const last = page.rows.length > pageSize;
    // The next page is fetched while this one is stored: the store still gets it only after
    // this one is acknowledged (backpressure holds), but the network wait overlaps the commit.
    const current = query;
    if (!last) {
      skip += step;
      query = { since, limit: pageSize, skip };
      fetching = settled(options.fetchPage(query));
    }
    await options.onPage(page, current);
    if (last) return { requests, rows };
  }
}
