/**
 * The daily sync: with "sync daily" on, a sync starts when the last good one is more than a
 * day old, checked at start and every hour (a laptop asleep at the due time catches up when
 * it wakes, within the hour).
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
export const CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface ScheduleState {
  dailySync: boolean;
  /** Epoch ms of the last sync that ended done, null if none ever did. */
  lastSyncAt: number | null;
  running: boolean;
}

export function isSyncDue(state: ScheduleState, now: number): boolean {
  if (!state.dailySync || state.running) return false;
  if (state.lastSyncAt === null) return true;
  return now - state.lastSyncAt >= DAY_MS;
}

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface DailyScheduleOptions {
  state(): ScheduleState;
  startSync(): void;
  now?: () => number;
  timers?: Timers;
}

/** Checks once now and then hourly; returns the function that stops the schedule. */
export function startDailySchedule(options: DailyScheduleOptions): () => void {
  const now = options.now ?? Date.now;
  const timers: Timers = options.timers ?? {
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  };
  const check = () => {
    if (isSyncDue(options.state(), now())) options.startSync();
  };
  check();
  const handle = timers.setInterval(check, CHECK_INTERVAL_MS);
  return () => timers.clearInterval(handle);
}
