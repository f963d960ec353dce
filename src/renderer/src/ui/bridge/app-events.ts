/**
 * Named moments the app announces (ready, sync done, export saved…). End-to-end tests and the
 * benchmark wait for these instead of sleeping. Only a page driven by a test keeps them (see
 * isDrivenByTest), and only the latest few hundred: the app may run for weeks.
 */
export type AppEventName =
  | 'ready'
  | 'menu-command'
  | 'sync-started'
  | 'sync-done'
  | 'sync-error'
  | 'sync-cancelled'
  | 'data-changed'
  | 'settings-saved'
  | 'export-saved'
  | 'flushed'
  | 'draft-opened'
  | 'draft-copied'
  | 'request-logged'
  | 'session-copied'
  /** A history import ended (done, cancelled or failed); detail: its last progress. */
  | 'history-import-done';

export interface AppEvent {
  /** 1, 2, 3… in the order announced; a waiter remembers the last one it saw. */
  seq: number;
  name: AppEventName;
  detail?: unknown;
  at: number;
}

/** Events kept for a test to find: far more than any test waits behind. */
export const KEPT_APP_EVENTS = 500;

declare global {
  interface Window {
    __appEvents?: AppEvent[];
  }
}

/**
 * True under browser automation: Playwright's Chromium sets `navigator.webdriver`, and main
 * switches it on in Electron only when an end-to-end run asks for it. A user's window never has it.
 */
export function isDrivenByTest(): boolean {
  return navigator.webdriver === true;
}

let lastSeq = 0;

export function emitAppEvent(name: AppEventName, detail?: unknown): void {
  if (!isDrivenByTest()) return;
  const event: AppEvent = { seq: ++lastSeq, name, detail, at: Date.now() };
  const kept = (window.__appEvents ??= []);
  kept.push(event);
  if (kept.length > KEPT_APP_EVENTS) kept.splice(0, kept.length - KEPT_APP_EVENTS);
}
