import { describe, expect, it } from 'vitest';
import { CHECK_INTERVAL_MS, DAY_MS, isSyncDue, startDailySchedule, type ScheduleState, type Timers } from './schedule';

const NOW = Date.UTC(2026, 3, 16, 12, 0, 0);

describe('isSyncDue', () => {
  it.each<[string, ScheduleState, boolean]>([
    ['daily sync off', { dailySync: false, lastSyncAt: null, running: false }, false],
    ['never synced', { dailySync: true, lastSyncAt: null, running: false }, true],
    ['synced an hour ago', { dailySync: true, lastSyncAt: NOW - 3_600_000, running: false }, false],
    ['synced just under a day ago', { dailySync: true, lastSyncAt: NOW - DAY_MS + 1, running: false }, false],
    ['synced exactly a day ago', { dailySync: true, lastSyncAt: NOW - DAY_MS, running: false }, true],
    ['synced three days ago', { dailySync: true, lastSyncAt: NOW - 3 * DAY_MS, running: false }, true],
    ['a sync is running', { dailySync: true, lastSyncAt: NOW - 3 * DAY_MS, running: true }, false],
    ['off, even when stale', { dailySync: false, lastSyncAt: NOW - 3 * DAY_MS, running: false }, false],
  ])('%s → %s', (_label, state, due) => {
    expect(isSyncDue(state, NOW)).toBe(due);
  });
});

class ManualTimers implements Timers {
  callbacks = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  setInterval(callback: () => void, ms: number) {
    const handle = this.next++;
    this.callbacks.set(handle, { callback, ms });
    return handle;
  }
  clearInterval(handle: unknown) {
    this.callbacks.delete(handle as number);
  }
  tick() {
    for (const { callback } of this.callbacks.values()) callback();
  }
}

describe('startDailySchedule', () => {
  it('checks at start and then hourly, starting a sync only when due', () => {
    const timers = new ManualTimers();
    let now = NOW;
    const state: ScheduleState = { dailySync: true, lastSyncAt: NOW - 2 * 3_600_000, running: false };
    const started: number[] = [];
    const stop = startDailySchedule({
      state: () => state,
      startSync: () => {
        started.push(now);
        state.lastSyncAt = now;
      },
      now: () => now,
      timers,
    });
    expect(started).toEqual([]);
    expect([...timers.callbacks.values()].map((timer) => timer.ms)).toEqual([CHECK_INTERVAL_MS]);

    now += CHECK_INTERVAL_MS;
    timers.tick();
    expect(started).toEqual([]);

    now = NOW - 2 * 3_600_000 + DAY_MS;
    timers.tick();
    expect(started).toEqual([now]);

    now += CHECK_INTERVAL_MS;
    timers.tick();
    expect(started).toHaveLength(1);

    stop();
    expect(timers.callbacks.size).toBe(0);
  });

  it('syncs at start when the last sync is stale', () => {
    const started: string[] = [];
    const stop = startDailySchedule({
      state: () => ({ dailySync: true, lastSyncAt: NOW - 2 * DAY_MS, running: false }),
      startSync: () => started.push('schedule'),
      now: () => NOW,
      timers: new ManualTimers(),
    });
    expect(started).toEqual(['schedule']);
    stop();
  });

  it('follows the setting when it is switched on later', () => {
    const timers = new ManualTimers();
    const state: ScheduleState = { dailySync: false, lastSyncAt: null, running: false };
    let starts = 0;
    startDailySchedule({ state: () => state, startSync: () => (starts += 1), now: () => NOW, timers });
    expect(starts).toBe(0);
    state.dailySync = true;
    timers.tick();
    expect(starts).toBe(1);
  });
});
