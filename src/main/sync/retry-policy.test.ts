import { describe, expect, it } from 'vitest';
import { backoffDelay, describeWait, isRetryableStatus, parseRetryAfter } from './retry-policy';

const NOW = Date.parse('2026-04-16T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Thu, 16 Apr 2026 12:02:00 GMT', NOW)).toBe(120_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Thu, 16 Apr 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('answers null for a missing or unreadable header, so the caller backs off on its own', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('-5', NOW)).toBeNull();
    expect(parseRetryAfter('1e3', NOW)).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('doubles with each attempt, between half and all of the step', () => {
    expect(backoffDelay(1, 1000, 30_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 30_000, () => 1)).toBe(1000);
    expect(backoffDelay(2, 1000, 30_000, () => 0)).toBe(1000);
    expect(backoffDelay(3, 1000, 30_000, () => 0.5)).toBe(3000);
  });

  it('never goes past the cap', () => {
    expect(backoffDelay(20, 1000, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(20, 1000, 30_000, () => 0)).toBe(15_000);
  });

  it('spreads retries with the random source', () => {
    const delays = [0, 0.25, 0.75].map((r) => backoffDelay(2, 1000, 30_000, () => r));
    expect(new Set(delays).size).toBe(3);
  });
});

describe('describeWait', () => {
  it('speaks in seconds, minutes or hours', () => {
    expect(describeWait(400)).toBe('1 s');
    expect(describeWait(45_000)).toBe('45 s');
    expect(describeWait(61_000)).toBe('2 min');
    expect(describeWait(2200_000)).toBe('37 min');
    expect(describeWait(3 * 3600_000)).toBe('3 h');
  });
});

describe('isRetryableStatus', () => {
  it('retries server errors only', () => {
    expect(isRetryableStatus(500)).toBe(true);
    expect(isRetryableStatus(503)).toBe(true);
    expect(isRetryableStatus(404)).toBe(false);
    expect(isRetryableStatus(429)).toBe(false);
  });
});
