import type { StateCreator } from 'zustand';
import type { HistoryImportProgress } from '../../../../shared/history/protocol';
import type { ReviewKind, ReviewScope } from '../../protocol/history';
import type { AppState } from './app-state-shape';

export interface ChangesFilters {
  scope: ReviewScope;
  myAsn: number | null;
  placeKey: string | null;
  kind: ReviewKind | null;
}

export const DEFAULT_CHANGES_FILTERS: ChangesFilters = { scope: 'mine', myAsn: null, placeKey: null, kind: null };

/**
 * History as the page sees it: the import of past dumps in progress, and what the Changes and
 * Statistics screens were showing (filters, the exchange opened), kept across visits.
 */
export interface HistorySlice {
  historyImport: HistoryImportProgress | null;
  changesFilters: ChangesFilters;
  /** The exchange whose charts the Statistics screen shows. */
  statisticsIxId: number | null;
  statisticsMineOnly: boolean;
  applyHistoryProgress: (progress: HistoryImportProgress) => void;
  setChangesFilters: (filters: Partial<ChangesFilters>) => void;
  showExchangeStatistics: (ixId: number | null) => void;
  setStatisticsMineOnly: (mineOnly: boolean) => void;
}

export function isHistoryImportRunning(progress: HistoryImportProgress | null): boolean {
  return progress !== null && (progress.phase === 'reading' || progress.phase === 'storing');
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => ({
  historyImport: null,
  changesFilters: DEFAULT_CHANGES_FILTERS,
  statisticsIxId: null,
  statisticsMineOnly: true,
  applyHistoryProgress: (progress) => set({ historyImport: progress }),
  setChangesFilters: (filters) => set((state) => ({ changesFilters: { ...state.changesFilters, ...filters } })),
  showExchangeStatistics: (ixId) => {
    set({ statisticsIxId: ixId });
    if (ixId !== null && get().view !== 'statistics') get().navigate('statistics');
  },
  setStatisticsMineOnly: (mineOnly) => set({ statisticsMineOnly: mineOnly }),
});
