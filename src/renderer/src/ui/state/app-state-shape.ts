import type { ContactsSlice } from './contacts-slice';
import type { CopySlice } from './copy-slice';
import type { DiscoverySlice } from './discovery-slice';
import type { HistorySlice } from './history-slice';
import type { SettingsSlice } from './settings-slice';
import type { SyncSlice } from './sync-slice';
import type { UiSlice } from './ui-slice';

/** UI state only: rows stay in the store worker and are queried on demand. */
export type AppState = UiSlice & SyncSlice & SettingsSlice & CopySlice & DiscoverySlice & ContactsSlice & HistorySlice;
