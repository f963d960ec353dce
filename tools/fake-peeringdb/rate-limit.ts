/**
 * PeeringDB's published query limits, enforced as its throttle does (DRF's SimpleRateThrottle,
 * PeeringDB's rest_throttles.py): a caller over the limit gets 429 with Retry-After. The
 * caller is the API key when one is sent, else the address; every caller here is on loopback.
 * Off unless a test or the bench turns it on.
 */
import type { RecordedRequest } from './request-log';

export interface RateLimitOptions {
  /** Most requests in any rolling minute without a key (PeeringDB: 20). */
  anonymousPerMinute: number;
  /** Most requests in any rolling minute with a key (PeeringDB: 40). */
  keyPerMinute: number;
  /** Least time between two requests of one caller (PeeringDB asks for 2 s). */
  minIntervalMs: number;
  /**
   * The limiter's time in epoch ms. A client on a scaled clock must be judged on the same one,
   * or its paced waits would look like bursts.
   */
  now?: () => number;
}

/** The limits PeeringDB publishes (docs.peeringdb.com/howto/work_within_peeringdbs_query_limits). */
export const PEERINGDB_PUBLISHED_LIMITS: Readonly<RateLimitOptions> = {
  anonymousPerMinute: 20,
  keyPerMinute: 40,
  minIntervalMs: 2000,
};

const MINUTE_MS = 60_000;

interface CallerHistory {
  /** Arrival of the caller's last request, let through or not: too soon is too soon. */
  lastArrival: number;
  /** Arrivals of requests let through within the last minute, oldest first (what DRF counts). */
  admitted: number[];
}

export class RateLimiter {
  private readonly callers = new Map<string, CallerHistory>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Null when the request may go on, else the whole seconds to wait (Retry-After). */
  check(request: Pick<RecordedRequest, 'auth' | 'apiKey'>): number | null {
    const withKey = request.auth === 'api-key';
    const caller = withKey ? `key:${request.apiKey ?? ''}` : 'address:loopback';
    const perMinute = withKey ? this.options.keyPerMinute : this.options.anonymousPerMinute;
    const now = this.now();
    let history = this.callers.get(caller);
    if (!history) this.callers.set(caller, (history = { lastArrival: Number.NEGATIVE_INFINITY, admitted: [] }));

    while (history.admitted.length > 0 && history.admitted[0]! <= now - MINUTE_MS) history.admitted.shift();
    const tooSoonBy = history.lastArrival + this.options.minIntervalMs - now;
    history.lastArrival = now;
    let waitMs = Math.max(0, tooSoonBy);
    if (history.admitted.length >= perMinute) waitMs = Math.max(waitMs, history.admitted[0]! + MINUTE_MS - now);
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    history.admitted.push(now);
    return null;
  }
}
