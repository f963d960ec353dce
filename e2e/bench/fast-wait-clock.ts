/**
 * The clock of the bench's paced resync: real time, except that waits pass `speedUp` times
 * faster. Work is counted as it takes, so the figure is what a user would sit through, and
 * PeeringDB's 2 s gaps take a tenth of a second. The time skipped lives in shared memory: the
 * fake server's limiter, in its own thread, reads the same time as the sync's pacer.
 */
import { sleep, type SyncClock } from '../../src/main/sync/clock';

/** Milliseconds the clock has skipped, in a buffer both threads see. */
function skippedOf(shared: SharedArrayBuffer): BigInt64Array {
  return new BigInt64Array(shared);
}

export function newFastWaitBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT);
}

/** The clock's time for a reader that never waits (the fake server's limiter). */
export function fastWaitTime(shared: SharedArrayBuffer): () => number {
  const skipped = skippedOf(shared);
  return () => Date.now() + Number(Atomics.load(skipped, 0));
}

export class FastWaitClock implements SyncClock {
  private readonly skipped: BigInt64Array;
  readonly now: () => number;

  constructor(
    shared: SharedArrayBuffer,
    private readonly speedUp: number,
  ) {
    this.skipped = skippedOf(shared);
    this.now = fastWaitTime(shared);
  }

  sleep = async (ms: number, signal: AbortSignal): Promise<void> => {
    const until = this.now() + ms;
    await sleep(ms / this.speedUp, signal);
    // Skip what is left of the wait; two waits ending together skip it once, never twice.
    for (;;) {
      const skipped = Atomics.load(this.skipped, 0);
      const behind = until - (Date.now() + Number(skipped));
      if (behind <= 0) return;
      if (Atomics.compareExchange(this.skipped, 0, skipped, skipped + BigInt(Math.ceil(behind))) === skipped) return;
    }
  };
}
