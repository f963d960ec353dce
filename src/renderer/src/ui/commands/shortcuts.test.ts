import { describe, expect, it } from 'vitest';
import { screenShortcutDigit } from '../../../../shared/screen-shortcuts';
import { VIEWS } from '../state/views';
import { SCREEN_COMMANDS } from './menu-commands';
import { commandForKey, type KeyLike } from './shortcuts';

const key = (partial: Partial<KeyLike> & Pick<KeyLike, 'key'>): KeyLike => ({
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...partial,
});

describe('window shortcuts', () => {
  it('maps Ctrl+1..9 to the screens on Windows and Linux', () => {
    const commands = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => commandForKey(key({ key: digit, ctrlKey: true }), false));
    expect(commands).toEqual([
      'navigate-sync',
      'navigate-networks',
      'navigate-compare',
      'navigate-peers',
      'navigate-search',
      'navigate-contacts',
      'navigate-requests',
      'navigate-sessions',
      'navigate-changes',
    ]);
  });

  it('numbers the screens as the navigation lists them, so a digit is a place in the list', () => {
    const numbered = VIEWS.filter((view) => view !== 'settings' && screenShortcutDigit(SCREEN_COMMANDS[view]) !== undefined);
    expect(numbered).toEqual(VIEWS.slice(0, numbered.length));
    expect(numbered.map((view) => screenShortcutDigit(SCREEN_COMMANDS[view]))).toEqual(numbered.map((_view, index) => String(index + 1)));
    // Every screen but the last has a digit; Ctrl+0 stays the zoom's.
    expect(numbered).toHaveLength(9);
    expect(commandForKey(key({ key: '0', ctrlKey: true }), false)).toBeNull();
  });

  it('uses Cmd on macOS, where Ctrl+digit is not the shortcut', () => {
    expect(commandForKey(key({ key: '2', metaKey: true }), true)).toBe('navigate-networks');
    expect(commandForKey(key({ key: '2', ctrlKey: true }), true)).toBeNull();
  });

  it('opens settings and focuses search', () => {
    expect(commandForKey(key({ key: ',', ctrlKey: true }), false)).toBe('settings');
    expect(commandForKey(key({ key: 'F', ctrlKey: true }), false)).toBe('focus-search');
  });

  it('leaves plain typing and other combinations alone', () => {
    expect(commandForKey(key({ key: '1' }), false)).toBeNull();
    expect(commandForKey(key({ key: '1', ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(commandForKey(key({ key: 'c', ctrlKey: true }), false)).toBeNull();
  });
});
