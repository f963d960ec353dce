import type { SyncTuning } from './sync-types';

export const DEFAULT_TUNING: SyncTuning = {
  pageSize: 5000,
  // A store page is read, checked and written by the store worker in one task each: at 1 MB
  // those stay some 10-20 ms of CPU on a slow laptop. At 2 MB the store worker ran twice as many
  // tasks of 50 ms or more in a traced first load, for no faster a load; at 0.5 MB loads from
  // the bulk cache were slower and the long tasks no fewer.
  storePageChars: 1_000_000,
  pageOverlap: 50,
  // PeeringDB's published limits (docs.peeringdb.com, "Work within PeeringDB's query limits").
  minRequestIntervalMs: 2000,
  anonymousRequestsPerMinute: 20,
  keyRequestsPerMinute: 40,
  pacedDomain: 'peeringdb.com',
  requestTimeoutMs: 60_000,
  stallTimeoutMs: 30_000,
  maxAttempts: 4,
  backoffBaseMs: 1000,
  backoffMaxMs: 30_000,
  maxRateLimitedAttempts: 5,
  maxRetryAfterMs: 120_000,
  storeTimeoutMs: 10 * 60_000,
  progressIntervalMs: 100,
};

export function resolveTuning(overrides: Partial<SyncTuning> | undefined): SyncTuning {
  const tuning = { ...DEFAULT_TUNING, ...overrides };
  if (tuning.pageOverlap >= tuning.pageSize) {
    throw new Error('The page overlap must be smaller than the page size');
  }
  return tuning;
}
