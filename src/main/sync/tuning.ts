import type { SyncTuning } from './types';

export const DEFAULT_TUNING: SyncTuning = {
  pageSize: 5000,
  pageOverlap: 50,
  // PeeringDB asks for at least two seconds between queries; 3 s keeps anonymous use under 20/min.
  anonymousMinIntervalMs: 3000,
  keyMinIntervalMs: 1500,
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
