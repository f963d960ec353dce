import type { StateCreator } from 'zustand';
import type { AppState } from './app-state-shape';
import type { ViewId } from './views';

/** Something a view should focus once it is on screen (e.g. the search box). */
export type FocusTarget = 'search';

/** A button in a notice that takes back what was just done ("Undo"). */
export interface NoticeAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
  action?: NoticeAction;
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
  /**
   * One message at a time, shown as a toast. It goes away by itself, or when the user moves to
   * another screen or page: a message about what happened there means nothing elsewhere.
   */
  notice: Notice | null;
  navigate: (view: ViewId) => void;
  openPage: (page: PageRef) => void;
  closePage: () => void;
  requestFocus: (target: FocusTarget) => void;
  clearFocusRequest: () => void;
  /** Shows a message; returns its id, which dismissNotice can name. */
  showNotice: (tone: Notice['tone'], text: string, action?: NoticeAction) => number;
  /** Without an id, whatever is shown; with one, only that notice if it is still shown. */
  dismissNotice: (id?: number) => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  view: 'sync',
  focusRequest: null,
  notice: null,
  navigate: (view) => set({ view, pages: [], notice: null }),
  pages: [],
  openPage: (page) => set((state) => ({ pages: [...state.pages, page], notice: null })),
  closePage: () => set((state) => ({ pages: state.pages.slice(0, -1), notice: null })),
  requestFocus: (target) => set({ focusRequest: target }),
  clearFocusRequest: () => set({ focusRequest: null }),
  showNotice: (tone, text, action) => {
    const id = nextNoticeId++;
    set({ notice: { id, tone, text, ...(action ? { action } : {}) } });
    return id;
  },
  dismissNotice: (id) => set((state) => (id === undefined || state.notice?.id === id ? { notice: null } : {})),
});
