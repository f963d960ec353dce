import type { StateCreator } from 'zustand';
import type { SettingsView } from '../../../../shared/ipc';
import type { AppState } from './app-state-shape';

export interface SettingsSlice {
  /** Null until main answered the first time. */
  settings: SettingsView | null;
  settingsLoadError: string | null;
  setSettings: (settings: SettingsView) => void;
  setSettingsLoadError: (message: string | null) => void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: null,
  settingsLoadError: null,
  setSettings: (settings) => set({ settings, settingsLoadError: null }),
  setSettingsLoadError: (message) => set({ settingsLoadError: message }),
});
