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
  /** Least time from the start of one request to the start of the next. */
  minIntervalMs: number;
  /** Most requests started in any rolling minute. */
  perMinute: number;
}

const MINUTE_MS = 60_000;

/**
 * Holds each request back until PeeringDB's limits allow it, and not a moment longer: at least
 * `minIntervalMs` after the previous start, and never more than `perMinute` starts in any
 * rolling minute. Every attempt counts, retries included, as PeeringDB counts them. One pacer
 * serves every sync of the app, so a resync started right after another still keeps the limits.
 * Without a rule (mirrors, loopback) a request goes at once and is not counted.
 */
export class Pacer {
  /** Start times of paced requests within the last minute, oldest first. */
  private starts: number[] = [];

  constructor(private readonly clock: SyncClock = WALL_CLOCK) {}

  /** Milliseconds until the next request may start under `rule`; 0 when it may go now. */
  delay(rule: PacingRule | null): number {
    const { starts } = this;
    if (!rule || starts.length === 0) return 0;
    let earliest = starts[starts.length - 1]! + rule.minIntervalMs;
    // The request that would be the (perMinute + 1)th within a minute waits for the oldest to leave it.
    if (starts.length >= rule.perMinute) earliest = Math.max(earliest, starts[starts.length - rule.perMinute]! + MINUTE_MS);
    return Math.max(0, earliest - this.clock.now());
  }

  /**
   * Waits for the next request's turn and counts its start. `onWait` hears of each wait before
   * it begins, so the user sees why nothing moves.
   */
  async turn(rule: PacingRule | null, signal: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    // A timer may fire a little early by the clock: wait again until the turn has truly come.
    for (let wait = this.delay(rule); wait > 0; wait = this.delay(rule)) {
      onWait?.(wait);
      await this.clock.sleep(wait, signal);
    }
    if (signal.aborted) throw abortReason(signal);
    if (!rule) return;
    const now = this.clock.now();
    this.starts = this.starts.filter((start) => start > now - MINUTE_MS);
    this.starts.push(now);
  }
}
