/**
 * A clock for tests of pacing: it stands still while code runs and jumps to the end of each
 * wait at once. Minutes of PeeringDB's limits take moments, and a request arrives at the fake
 * server at exactly the time the client read before sending it.
 */
import { abortReason, type SyncClock } from './clock';

export class SkippingClock implements SyncClock {
  private time: number;
  /** Every wait asked for, in order: what a user would have sat through. */
  readonly waits: number[] = [];

  constructor(startMs = Date.UTC(2026, 3, 16, 12)) {
    this.time = startMs;
  }

  now = (): number => this.time;

  sleep = async (ms: number, signal: AbortSignal): Promise<void> => {
    if (signal.aborted) throw abortReason(signal);
    this.waits.push(ms);
    const until = this.time + Math.max(0, ms);
    // A real turn of the event loop, so whatever else is in flight moves on meanwhile.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal.aborted) throw abortReason(signal);
    // Two waits in flight at once: the clock reaches the later end and never goes back.
    this.time = Math.max(this.time, until);
  };
}
