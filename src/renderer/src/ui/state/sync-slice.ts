import type { StateCreator } from 'zustand';
import type { SyncErrorCode, SyncPhase, SyncProgress, SyncSource } from '../../../../shared/sync';
import type { AppState } from './app-state-shape';

export interface SyncError {
  message: string;
  code?: SyncErrorCode;
  /** Where the job that failed read from: a failed import is not a failed sync. */
  source?: SyncSource;
}

export interface SyncSlice {
  /** The latest progress event of the current or last sync job. */
  syncProgress: SyncProgress | null;
  /** True from the moment a start was requested until the job reports an end. */
  syncRunning: boolean;
  syncError: SyncError | null;
  applySyncProgress: (progress: SyncProgress) => void;
  /** A start was requested; main will confirm with progress events. */
  markSyncRequested: () => void;
  /** The request to start never became a job (refused or failed). */
  markSyncNotStarted: (error: SyncError | null) => void;
  setSyncError: (error: SyncError | null) => void;
}

const ACTIVE_PHASES: readonly SyncPhase[] = ['starting', 'fetching', 'storing'];

export function isActivePhase(phase: SyncPhase): boolean {
  return ACTIVE_PHASES.includes(phase);
}

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set) => ({
  syncProgress: null,
  syncRunning: false,
  syncError: null,
  applySyncProgress: (progress) =>
    set((state) => {
      const running = isActivePhase(progress.phase);
      let syncError = state.syncError;
      if (progress.phase === 'error') {
        syncError = {
          message: progress.message ?? (progress.source === 'dump' ? 'The import failed.' : 'The sync failed.'),
          code: progress.code ?? undefined,
          source: progress.source,
        };
      } else if (progress.phase === 'starting' || progress.phase === 'done') {
        // A new job, or one that ended well, replaces whatever failure was shown before.
        syncError = null;
      }
      return { syncProgress: progress, syncRunning: running, syncError };
    }),
  markSyncRequested: () => set({ syncRunning: true, syncError: null }),
  markSyncNotStarted: (error) =>
    set((state) => ({
      // Another job may be running (started from the menu or the schedule): keep its state.
      syncRunning: state.syncProgress ? isActivePhase(state.syncProgress.phase) : false,
      syncError: error,
    })),
  setSyncError: (error) => set({ syncError: error }),
});
