import { describe, expect, it } from 'vitest';
import { createSyncEventTracker } from './sync-events';
import { progress, recordEvents } from '../fakes.test-support';

describe('sync events from progress', () => {
  it('announces the start and the end of each job once', () => {
    const recorder = recordEvents();
    const track = createSyncEventTracker(recorder.emit);
    for (const phase of ['starting', 'fetching', 'storing', 'fetching', 'done', 'done'] as const) {
      track(progress({ phase, storedRows: 42 }));
    }
    expect(recorder.names()).toEqual(['sync-started', 'sync-done']);
    expect(recorder.events[1]?.detail).toMatchObject({ jobId: 'job-1', storedRows: 42 });
  });

  it('names failures and cancellations, with the error code', () => {
    const recorder = recordEvents();
    const track = createSyncEventTracker(recorder.emit);
    track(progress({ jobId: 'a', phase: 'starting' }));
    track(progress({ jobId: 'a', phase: 'error', code: 'auth', message: 'HTTP 401' }));
    track(progress({ jobId: 'b', phase: 'fetching' }));
    track(progress({ jobId: 'b', phase: 'cancelled' }));
    expect(recorder.names()).toEqual(['sync-started', 'sync-error', 'sync-started', 'sync-cancelled']);
    expect(recorder.events[1]?.detail).toMatchObject({ jobId: 'a', code: 'auth', message: 'HTTP 401' });
  });

  it('still announces the start of a job first seen at its end', () => {
    const recorder = recordEvents();
    createSyncEventTracker(recorder.emit)(progress({ phase: 'error', code: 'network' }));
    expect(recorder.names()).toEqual(['sync-started', 'sync-error']);
  });

  it('ignores idle reports', () => {
    const recorder = recordEvents();
    createSyncEventTracker(recorder.emit)(progress({ phase: 'idle' }));
    expect(recorder.events).toEqual([]);
  });
});
