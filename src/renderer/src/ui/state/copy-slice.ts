import type { StateCreator } from 'zustand';
import type { StoreStatus } from '../../protocol/messages';
import type { AppState } from './app-state-shape';

/** What the local copy holds (counts, last sync, change log): a summary, never rows. */
export interface CopySlice {
  copyStatus: StoreStatus | null;
  /** Set when the local database could not start or answer. */
  copyError: string | null;
  setCopyStatus: (status: StoreStatus) => void;
  setCopyError: (message: string | null) => void;
}

export const createCopySlice: StateCreator<AppState, [], [], CopySlice> = (set) => ({
  copyStatus: null,
  copyError: null,
  setCopyStatus: (status) =>
    set((state) =>
      // Answers can arrive out of order; an older snapshot never replaces a newer one.
      state.copyStatus && state.copyStatus.dataVersion > status.dataVersion
        ? {}
        : { copyStatus: status, copyError: null },
    ),
  setCopyError: (message) => set({ copyError: message }),
});

export function isCopyEmpty(status: StoreStatus): boolean {
  return Object.values(status.counts).every((count) => count === 0);
}
