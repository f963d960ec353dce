/** Time and waiting for the sync: a cancel cuts every wait short, and tests and the bench bring their own clock. */

export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error('The sync was cancelled');
  error.name = 'AbortError';
  return error;
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * What the sync's waits run on: pacing, Retry-After and backoff. The app uses the wall clock;
 * tests and the bench pass a clock whose waits pass faster, shared with the fake server's
 * limiter, so a minute of PeeringDB's limits plays out in moments.
 */
export interface SyncClock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const WALL_CLOCK: SyncClock = { now: () => Date.now(), sleep };

/** PeeringDB's published limits, as they apply to one caller. */
export interface PacingRule {
  /** Least time from the end of one request to the start of the next. */
  minIntervalMs: number;
  /** Most requests in any rolling minute. */
  perMinute: number;
}

const MINUTE_MS = 60_000;

/**
 * Holds each request back until PeeringDB's limits allow it, and not a moment longer: at least
 * `minIntervalMs` after the previous answer, and never more than `perMinute` requests in any
 * rolling minute. Both are counted from when answers came in, not from when requests left:
 * PeeringDB counts a request when it arrives, which is after it left by a delay the client
 * cannot see, and before its answer is in, so spacing from the answers keeps PeeringDB's count
 * within the limits whatever the delays. Every attempt counts, retries included, as PeeringDB
 * counts them, and one request is paced at a time. One pacer serves every sync of the app, so
 * a resync started right after another keeps the limits too. Without a rule (mirrors,
 * loopback) a request goes at once and is not counted.
 */
export class Pacer {
  /** When the answers of the last minute's paced requests came in, oldest first. */
  private answeredAt: number[] = [];
  private inFlight: Promise<void> | null = null;

  constructor(private readonly clock: SyncClock = WALL_CLOCK) {}

  /** Milliseconds until the next request may start under `rule`; 0 when it may go now. */
  delay(rule: PacingRule | null): number {
    const { answeredAt } = this;
    if (!rule || answeredAt.length === 0) return 0;
    let earliest = answeredAt[answeredAt.length - 1]! + rule.minIntervalMs;
    // The request that would be the (perMinute + 1)th within a minute waits for the oldest to leave it.
    if (answeredAt.length >= rule.perMinute) {
      earliest = Math.max(earliest, answeredAt[answeredAt.length - rule.perMinute]! + MINUTE_MS);
    }
    return Math.max(0, earliest - this.clock.now());
  }

  /**
   * Waits for the next request's turn. `onWait` hears of each wait before it begins, so the
   * user sees why nothing moves. Call the function it returns once the answer is in, or the
   * attempt failed: that is when the next turn's count starts.
   */
  async turn(rule: PacingRule | null, signal: AbortSignal, onWait?: (ms: number) => void): Promise<() => void> {
    if (!rule) return () => undefined;
    while (this.inFlight) await this.inFlight;
    // A timer may fire a little early by the clock: wait again until the turn has truly come.
    for (let wait = this.delay(rule); wait > 0; wait = this.delay(rule)) {
      onWait?.(wait);
      await this.clock.sleep(wait, signal);
    }
    if (signal.aborted) throw abortReason(signal);
    let release!: () => void;
    this.inFlight = new Promise((resolve) => (release = resolve));
    let answered = false;
    return () => {
      if (answered) return;
      answered = true;
      const now = this.clock.now();
      this.answeredAt = this.answeredAt.filter((at) => at > now - MINUTE_MS);
      this.answeredAt.push(now);
      this.inFlight = null;
      release();
    };
  }
}
