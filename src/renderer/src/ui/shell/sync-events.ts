import type { SyncProgress } from '../../../../shared/sync';
import type { AppEventName } from '../bridge/app-events';

const END_EVENTS = {
  done: 'sync-done',
  error: 'sync-error',
  cancelled: 'sync-cancelled',
} as const satisfies Partial<Record<SyncProgress['phase'], AppEventName>>;

interface JobSeen {
  started: boolean;
  ended: boolean;
}

/**
 * Turns the stream of progress events into one 'sync-started' and one end event per job, so
 * tests (and anything else listening) see each moment exactly once whatever the event rate.
 */
export function createSyncEventTracker(emit: (name: AppEventName, detail?: unknown) => void) {
  const jobs = new Map<string, JobSeen>();
  return (progress: SyncProgress): void => {
    if (progress.phase === 'idle') return;
    let seen = jobs.get(progress.jobId);
    if (!seen) {
      seen = { started: false, ended: false };
      jobs.set(progress.jobId, seen);
    }
    const detail = { jobId: progress.jobId, source: progress.source };
    if (!seen.started) {
      seen.started = true;
      emit('sync-started', detail);
    }
    if (seen.ended) return;
    const phase = progress.phase;
    if (phase === 'done' || phase === 'error' || phase === 'cancelled') {
      seen.ended = true;
      emit(END_EVENTS[phase], {
        ...detail,
        storedRows: progress.storedRows,
        ...(phase === 'error' ? { code: progress.code, message: progress.message } : {}),
      });
    }
  };
}
