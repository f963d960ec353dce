import type { SyncTuning } from './sync-types';

export const DEFAULT_TUNING: SyncTuning = {
  pageSize: 5000,
  // The store worker reads, checks and writes a store page in a task each, so the page's size
  // bounds those tasks: at 1 MB some 10-15 ms of CPU on a slow 2-core machine. Pages of 2 MB
  // make first loads 4-8% faster, but the worker's longest wait for a timer then reached 67 ms
  // against at most 47 (the bound is 50); pages of 0.5 MB make loads from the bulk cache slower.
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
  // Each progress sent redraws the sync's figures in the window, some milliseconds of the
  // page's thread that a sync's own work then waits for on a 2-core machine. Four a second
  // still reads as live; at ten, first loads from the bulk cache took some 13% longer (scratch
  // A/B, five loads each way: medians 2.65 s against 2.31 s).
  progressIntervalMs: 250,
};

export function resolveTuning(overrides: Partial<SyncTuning> | undefined): SyncTuning {
  const tuning = { ...DEFAULT_TUNING, ...overrides };
  if (tuning.pageOverlap >= tuning.pageSize) {
    throw new Error('The page overlap must be smaller than the page size');
  }
  return tuning;
}
