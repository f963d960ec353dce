/** When to try a request again, and after how long. Pure functions of their inputs. */

/**
 * Milliseconds a Retry-After header asks us to wait: either delta-seconds or an HTTP date.
 * Null when absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // A bare number that is not a plain decimal (e.g. "-1", "1e3") is not valid delta-seconds.
  if (/^[-+]?[\d.e]+$/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * Exponential backoff with jitter for attempt 1, 2, 3…: half the step is fixed so retries
 * never come back at once, the other half is random so many clients spread out.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/** "in 3 min", "in 45 s": how long the user should wait before trying again. */
export function describeWait(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.ceil(ms / 1000))} s`;
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.ceil(minutes / 60)} h`;
}

export function isRetryableStatus(status: number): boolean {
  return status >= 500 && status <= 599;
}
