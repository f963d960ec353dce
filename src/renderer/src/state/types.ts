import type { CopySlice } from './copySlice';
import type { SettingsSlice } from './settingsSlice';
import type { SyncSlice } from './syncSlice';
import type { UiSlice } from './uiSlice';

/** UI state only: rows stay in the store worker and are queried on demand. */
export type AppState = UiSlice & SyncSlice & SettingsSlice & CopySlice;
