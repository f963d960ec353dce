import type { StateCreator } from 'zustand';
import type { AppState } from './types';
import type { ViewId } from './views';

/** Something a view should focus once it is on screen (e.g. the search box). */
export type FocusTarget = 'search';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

export interface UiSlice {
  view: ViewId;
  /** Set when a command asks for focus; the shell hands it to the view after it rendered. */
  focusRequest: FocusTarget | null;
  /** One message at a time, shown in the header's live region. */
  notice: Notice | null;
  navigate: (view: ViewId) => void;
  requestFocus: (target: FocusTarget) => void;
  clearFocusRequest: () => void;
  showNotice: (tone: Notice['tone'], text: string) => void;
  dismissNotice: () => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  view: 'sync',
  focusRequest: null,
  notice: null,
  navigate: (view) => set({ view }),
  requestFocus: (target) => set({ focusRequest: target }),
  clearFocusRequest: () => set({ focusRequest: null }),
  showNotice: (tone, text) => set({ notice: { id: nextNoticeId++, tone, text } }),
  dismissNotice: () => set({ notice: null }),
});
