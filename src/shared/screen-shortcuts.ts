/**
 * Ctrl (⌘ on macOS) with a digit opens the screen at that place in the navigation, so the
 * digits read down the list. The menu's accelerators, the window's own key handler and the
 * navigation's hints are all built from this one table.
 *
 * Ten screens, nine digits: Statistics, the last and least often opened, is reached from the
 * Go menu. Ctrl+0 stays "actual size", as in every Electron and web app.
 */
import type { MenuCommand } from './ipc';

export const SCREEN_SHORTCUTS = [
  ['navigate-sync', '1'],
  ['navigate-networks', '2'],
  ['navigate-compare', '3'],
  ['navigate-peers', '4'],
  ['navigate-search', '5'],
  ['navigate-contacts', '6'],
  ['navigate-requests', '7'],
  ['navigate-sessions', '8'],
  ['navigate-changes', '9'],
] as const satisfies readonly (readonly [MenuCommand, string])[];

/** The digit of a navigation command, or undefined for a screen without one. */
export function screenShortcutDigit(command: MenuCommand): string | undefined {
  return SCREEN_SHORTCUTS.find(([candidate]) => candidate === command)?.[1];
}
