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

/** A PeeringDB record's own page, opened over the current screen. */
export interface PageRef {
  kind: 'net' | 'ix' | 'fac' | 'org';
  id: number;
}

export interface UiSlice {
  view: ViewId;
  /** Record pages opened from the current screen, newest last; Back returns to the one before. */
  pages: PageRef[];
  /** Set when a command asks for focus; the shell hands it to the view after it rendered. */
  focusRequest: FocusTarget | null;
  /** One message at a time, shown in the header's live region. */
  notice: Notice | null;
  navigate: (view: ViewId) => void;
  openPage: (page: PageRef) => void;
  closePage: () => void;
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
  navigate: (view) => set({ view, pages: [] }),
  pages: [],
  openPage: (page) => set((state) => ({ pages: [...state.pages, page] })),
  closePage: () => set((state) => ({ pages: state.pages.slice(0, -1) })),
  requestFocus: (target) => set({ focusRequest: target }),
  clearFocusRequest: () => set({ focusRequest: null }),
  showNotice: (tone, text) => set({ notice: { id: nextNoticeId++, tone, text } }),
  dismissNotice: () => set({ notice: null }),
});
