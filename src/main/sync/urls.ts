/** Where the sync fetches from. Pure functions; no fetch here. */
import type { PdbType } from '../../shared/peeringdb';

const CANONICAL_HOST = 'www.peeringdb.com';

/**
 * The API base with PeeringDB's bare host replaced by the canonical `www` host: the bare host
 * redirects there, and clients drop the Authorization header on that redirect.
 */
export function canonicalApiBase(baseUrl: string): string {
  const url = new URL(baseUrl.trim());
  if (url.hostname === 'peeringdb.com') url.hostname = CANONICAL_HOST;
  return url.toString().replace(/\/+$/, '');
}

/**
 * The origin an API key may go to when syncing from `baseUrl`: the canonical base's own, and
 * only over HTTPS. Null when no key may go there (http://, or not an address).
 */
export function keyOriginFor(baseUrl: string): string | null {
  let base: URL;
  try {
    base = new URL(canonicalApiBase(baseUrl));
  } catch {
    return null;
  }
  return base.protocol === 'https:' && base.username === '' && base.password === '' ? base.origin : null;
}

export interface ListQuery {
  since: number;
  limit: number;
  skip: number;
}

/** A depth-0 list page: `{base}/{tag}?since=…&depth=0&limit=…&skip=…`. */
export function apiListUrl(base: string, type: PdbType, query: ListQuery): string {
  const url = new URL(`${base.replace(/\/+$/, '')}/${type}`);
  url.searchParams.set('since', String(query.since));
  url.searchParams.set('depth', '0');
  url.searchParams.set('limit', String(query.limit));
  url.searchParams.set('skip', String(query.skip));
  return url.toString();
}

/**
 * A type's changes since its watermark, in one answer: `{base}/{tag}?since=…&depth=0`. The
 * delta is small, and unpaged it costs one request against PeeringDB's limits (peeringdb-py
 * asks the same way).
 */
export function apiChangesUrl(base: string, type: PdbType, since: number): string {
  const url = new URL(`${base.replace(/\/+$/, '')}/${type}`);
  url.searchParams.set('since', String(since));
  url.searchParams.set('depth', '0');
  return url.toString();
}

/** The public bulk cache's full list of a type: `{cacheUrl}/{tag}-0.json`. */
export function cacheFileUrl(cacheUrl: string, type: PdbType): string {
  return `${cacheUrl.replace(/\/+$/, '')}/${type}-0.json`;
}

/**
 * The `since` of an incremental fetch. PeeringDB cuts strictly after `since`, in whole
 * seconds, so one second of lookback catches rows written in the watermark's own second.
 * `since` must stay above zero: zero would drop deleted rows from the answer.
 */
export function sinceForWatermark(watermark: number): number {
  return Math.max(1, Math.floor(watermark) - 1);
}

/** Whether `baseUrl` is on `domain` or one of its subdomains (www.peeringdb.com on peeringdb.com). */
export function isOnDomain(baseUrl: string, domain: string): boolean {
  const host = new URL(baseUrl).hostname.toLowerCase();
  const wanted = domain.toLowerCase();
  return host === wanted || host.endsWith(`.${wanted}`);
}
