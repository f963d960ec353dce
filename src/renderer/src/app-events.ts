/**
 * Named moments the app announces (ready, sync done, export saved…). End-to-end tests wait
 * for these instead of sleeping; they cost nothing when nobody listens.
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
  | 'flushed';

export interface AppEvent {
  name: AppEventName;
  detail?: unknown;
  at: number;
}

declare global {
  interface Window {
    __appEvents?: AppEvent[];
  }
}

export function emitAppEvent(name: AppEventName, detail?: unknown): void {
  const event: AppEvent = { name, detail, at: Date.now() };
  (window.__appEvents ??= []).push(event);
  window.dispatchEvent(new CustomEvent('peering-assistant:event', { detail: event }));
}
