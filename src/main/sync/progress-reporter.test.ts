import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncProgress } from '../../shared/sync';
import { estimateEta, ProgressReporter } from './progress-reporter';

describe('estimateEta', () => {
  it('extrapolates the time left from the pace so far', () => {
    expect(estimateEta(10_000, 5, 15)).toBe(20_000);
  });

  it('has no basis before any work is done', () => {
    expect(estimateEta(10_000, 0, 15)).toBeUndefined();
  });

  it('is zero when all is done', () => {
    expect(estimateEta(10_000, 15, 15)).toBe(0);
  });
});

describe('ProgressReporter', () => {
  let now = 0;
  let events: SyncProgress[];
  let reporter: ProgressReporter;

  beforeEach(() => {
    vi.useFakeTimers();
    now = 1000;
    events = [];
    reporter = new ProgressReporter('job-1', 'api', (p) => events.push(p), 100, () => now);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends counter changes at most every interval, and the last one after a quiet spell', () => {
    reporter.phase('fetching', 'net');
    expect(events).toHaveLength(1);
    for (let i = 0; i < 50; i++) {
      now += 1;
      reporter.bytes('net', 100);
    }
    expect(events).toHaveLength(1);
    now += 100;
    vi.advanceTimersByTime(100);
    expect(events).toHaveLength(2);
    expect(events[1]?.bytes).toBe(5000);
    expect(events[1]?.types.net).toEqual({ fetched: 0, deleted: 0, stored: 0, skipped: 0, bytes: 5000, done: false });
  });

  it('sends a new type at once and phase flips within a type by the throttle', () => {
    reporter.phase('fetching', 'org');
    reporter.phase('storing', 'org');
    reporter.phase('fetching', 'org');
    reporter.phase('storing', 'org');
    expect(events.map((e) => `${e.phase}:${e.type}`)).toEqual(['fetching:org']);
    reporter.phase('fetching', 'net');
    expect(events.map((e) => `${e.phase}:${e.type}`)).toEqual(['fetching:org', 'fetching:net']);
    reporter.phase('storing', 'net');
    now += 100;
    vi.advanceTimersByTime(100);
    expect(events.map((e) => `${e.phase}:${e.type}`)).toEqual(['fetching:org', 'fetching:net', 'storing:net']);
  });

  it('ends with the outcome, the end time and nothing after it', () => {
    reporter.phase('fetching', 'org');
    reporter.fetched('org', 10);
    now += 500;
    reporter.finish('error', 'PeeringDB rejected the API key', 'auth');
    reporter.stored('org', 10);
    vi.advanceTimersByTime(1000);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ phase: 'error', code: 'auth', message: 'PeeringDB rejected the API key', endedAt: 1500, fetchedRows: 10 });
    expect(events.filter((e) => e.phase === 'error')).toHaveLength(1);
  });

  it('shows a wait at once, and its end by the throttle', () => {
    reporter.phase('fetching', 'org');
    now += 10;
    reporter.waiting({ reason: 'pacing', ms: 2000 });
    expect(events.at(-1)).toMatchObject({ type: 'org', waiting: { reason: 'pacing', ms: 2000 } });
    reporter.waiting(null);
    expect(events).toHaveLength(2);
    now += 100;
    vi.advanceTimersByTime(100);
    expect(events).toHaveLength(3);
    expect(events.at(-1)!.waiting).toBeUndefined();
    reporter.waiting(null);
    vi.advanceTimersByTime(1000);
    expect(events).toHaveLength(3);
  });

  it('ends without a wait, even one cut short by the end', () => {
    reporter.waiting({ reason: 'rate-limited', ms: 60_000 });
    reporter.finish('cancelled');
    expect(events.at(-1)).toMatchObject({ phase: 'cancelled' });
    expect(events.at(-1)!.waiting).toBeUndefined();
  });

  it('gives each event its own copy', () => {
    reporter.phase('fetching', 'org');
    reporter.phase('storing', 'net');
    expect(events[0]?.phase).toBe('fetching');
  });

  it('keeps going when a listener throws', () => {
    const failing = new ProgressReporter('job-2', 'api', () => { throw new Error('window gone'); }, 100, () => now);
    expect(() => failing.phase('fetching', 'org')).not.toThrow();
  });
});
