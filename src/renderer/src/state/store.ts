import { create, type StateCreator } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createCopySlice } from './copySlice';
import { createSettingsSlice } from './settingsSlice';
import { createSyncSlice } from './syncSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

const createAppState: StateCreator<AppState> = (...args) => ({
  ...createUiSlice(...args),
  ...createSyncSlice(...args),
  ...createSettingsSlice(...args),
  ...createCopySlice(...args),
});

/** The app's one store, for components (hooks) and for listeners outside React (getState). */
export const useAppStore = create<AppState>()(createAppState);

/** A fresh, independent store with the same slices: for tests. */
export function createAppStore() {
  return createStore<AppState>()(createAppState);
}

export type AppStore = Pick<typeof useAppStore, 'getState' | 'setState' | 'subscribe'>;
