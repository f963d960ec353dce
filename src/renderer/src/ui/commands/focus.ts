/** Window event asking the search screen to focus its input; it calls preventDefault to claim it. */
export const FOCUS_SEARCH_EVENT = 'peering-assistant:focus-search';

/**
 * Hands focus to the search screen. Sent after the screen rendered, so its listener exists;
 * if nothing claims the request, the first search box on screen gets focus.
 */
export function handOffSearchFocus(win: Window = window): void {
  const unclaimed = win.dispatchEvent(new CustomEvent(FOCUS_SEARCH_EVENT, { cancelable: true }));
  if (!unclaimed) return;
  const input = win.document.querySelector<HTMLInputElement>('main input[type="search"], main input');
  input?.focus();
}
