import { expect, it } from 'vitest';
import type { SyncProgress, SyncSource } from '../shared/sync';
import { createSyncProgressRelay } from './sync-progress-relay';

function progress(phase: SyncProgress['phase'], source: SyncSource = 'api', endedAt?: number): SyncProgress {
  return { jobId: 'job-1', source, phase, types: {}, fetchedRows: 0, storedRows: 0, bytes: 0, startedAt: 1000, endedAt };
}

function relay() {
  const recorded: number[] = [];
  const sent: SyncProgress[] = [];
  const onProgress = createSyncProgressRelay({ recordSyncDone: (at) => recorded.push(at) }, (p) => sent.push(p), () => 99);
  return { recorded, sent, onProgress };
}

it('passes every progress event on, in order', () => {
  const { sent, onProgress } = relay();
  const events = [progress('starting'), progress('fetching'), progress('storing'), progress('done', 'api', 5000)];
  events.forEach(onProgress);
  expect(sent).toEqual(events);
});

it('records the end of a sync that ended done', () => {
  const { recorded, onProgress } = relay();
  onProgress(progress('fetching'));
  onProgress(progress('done', 'cache', 5000));
  onProgress(progress('done', 'api'));
  expect(recorded).toEqual([5000, 99]);
});

it('does not count failed, cancelled or dump-file syncs', () => {
  const { recorded, onProgress } = relay();
  onProgress(progress('error', 'api', 5000));
  onProgress(progress('cancelled', 'api', 5000));
  onProgress(progress('done', 'dump', 5000));
  expect(recorded).toEqual([]);
});
