import { describe, expect, it } from 'vitest';
import { commandForKey, type KeyLike } from './shortcuts';

const key = (partial: Partial<KeyLike> & Pick<KeyLike, 'key'>): KeyLike => ({
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...partial,
});

describe('window shortcuts', () => {
  it('maps Ctrl+1..8 to the screens on Windows and Linux', () => {
    const commands = ['1', '2', '3', '4', '5', '6', '7', '8'].map((digit) => commandForKey(key({ key: digit, ctrlKey: true }), false));
    expect(commands).toEqual([
      'navigate-sync',
      'navigate-networks',
      'navigate-compare',
      'navigate-peers',
      'navigate-search',
      'navigate-contacts',
      'navigate-changes',
      'navigate-statistics',
    ]);
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
    expect(commandForKey(key({ key: '9', ctrlKey: true }), false)).toBeNull();
    expect(commandForKey(key({ key: 'c', ctrlKey: true }), false)).toBeNull();
  });
});
