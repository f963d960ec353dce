import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChangeNotifier } from './change-notifier';

describe('the change notifier', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends at most one message per interval during a burst, ending with the latest version', () => {
    const sent: number[] = [];
    const notifier = createChangeNotifier((v) => sent.push(v), { minIntervalMs: 250, clock: () => Date.now() });
    for (let version = 1; version <= 40; version++) {
      notifier.committed(version);
      vi.advanceTimersByTime(25);
    }
    // 40 commits over one second: the first at once, then one per 250 ms.
    expect(sent.length).toBeLessThanOrEqual(5);
    vi.advanceTimersByTime(1_000);
    expect(sent.at(-1)).toBe(40);
    expect([...sent].sort((a, b) => a - b)).toEqual(sent);
  });

  it('sends at once when asked, dropping the pending trailing message', () => {
    const sent: number[] = [];
    const notifier = createChangeNotifier((v) => sent.push(v), { minIntervalMs: 250, clock: () => Date.now() });
    notifier.committed(1);
    notifier.committed(2);
    notifier.now(3);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([1, 3]);
  });

  it('never reports a version older than one it already sent', () => {
    const sent: number[] = [];
    const notifier = createChangeNotifier((v) => sent.push(v), { minIntervalMs: 0 });
    notifier.committed(5);
    notifier.now(4);
    expect(sent).toEqual([5, 5]);
  });
});
