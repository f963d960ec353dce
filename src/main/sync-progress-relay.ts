/** Where the sync's progress goes besides the UI: the time of the last good sync. */
import type { SyncProgress } from '../shared/sync';
import type { Settings } from './settings';

/**
 * Relays progress to the renderer and records when a sync from PeeringDB ended done. A dump
 * import does not count: the file may be weeks old, and the daily sync must still run.
 */
export function createSyncProgressRelay(
  settings: Pick<Settings, 'recordSyncDone'>,
  send: (progress: SyncProgress) => void,
  now: () => number = Date.now,
): (progress: SyncProgress) => void {
  return (progress) => {
    if (progress.phase === 'done' && progress.source !== 'dump') {
      try {
        settings.recordSyncDone(progress.endedAt ?? now());
      } catch (error) {
        console.warn(`Could not record the time of the last sync: ${(error as Error).message}`);
      }
    }
    send(progress);
  };
}
