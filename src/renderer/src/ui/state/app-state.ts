import { create, type StateCreator } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createContactsSlice } from './contacts-slice';
import { createCopySlice } from './copy-slice';
import { createDiscoverySlice } from './discovery-slice';
import { createHistorySlice } from './history-slice';
import { createSettingsSlice } from './settings-slice';
import { createSyncSlice } from './sync-slice';
import type { AppState } from './app-state-shape';
import { createUiSlice } from './ui-slice';

const createAppStateSlices: StateCreator<AppState> = (...args) => ({
  ...createUiSlice(...args),
  ...createSyncSlice(...args),
  ...createSettingsSlice(...args),
  ...createCopySlice(...args),
  ...createDiscoverySlice(...args),
  ...createContactsSlice(...args),
  ...createHistorySlice(...args),
});

/**
 * The page's one state container (Zustand), for components (as a hook) and for listeners
 * outside React (getState). It holds UI state only; data lives in the store worker.
 */
export const useAppState = create<AppState>()(createAppStateSlices);

/** A fresh, independent container with the same slices: for tests. */
export function createAppState() {
  return createStore<AppState>()(createAppStateSlices);
}

export type AppStateHandle = Pick<typeof useAppState, 'getState' | 'setState' | 'subscribe'>;
