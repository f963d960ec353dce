/** Waiting that a cancel cuts short. */

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
 * Keeps requests at least `minIntervalMs` apart, counted from the start of one to the start
 * of the next, retries included: PeeringDB counts every request against the limit.
 */
export class Pacer {
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly minIntervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async turn(signal: AbortSignal): Promise<void> {
    // Timers may fire a little early by the wall clock: wait until the interval has truly passed.
    for (let wait = this.lastStart + this.minIntervalMs - this.now(); wait > 0; wait = this.lastStart + this.minIntervalMs - this.now()) {
      await sleep(wait, signal);
    }
    this.lastStart = this.now();
  }
}
