import type { MenuCommand } from '../../../../shared/ipc';
import { SCREEN_SHORTCUTS } from '../../../../shared/screen-shortcuts';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const DIGIT_COMMANDS = new Map<string, MenuCommand>(SCREEN_SHORTCUTS.map(([command, digit]) => [digit, command]));

/**
 * The window's own shortcuts mirror the menu's accelerators, so they also work where no
 * native menu exists (the browser harness) and when the menu bar is hidden.
 */
export function commandForKey(event: KeyLike, isMac: boolean): MenuCommand | null {
  const primary = isMac ? event.metaKey : event.ctrlKey;
  const other = isMac ? event.ctrlKey : event.metaKey;
  if (!primary || other || event.altKey || event.shiftKey) return null;
  const digit = DIGIT_COMMANDS.get(event.key);
  if (digit) return digit;
  if (event.key === ',') return 'settings';
  if (event.key.toLowerCase() === 'f') return 'focus-search';
  return null;
}
