import { describe, expect, it } from 'vitest';
import { FOCUS_SEARCH_EVENT, handOffSearchFocus } from './focus';

function fakeWindow() {
  const focused: string[] = [];
  const target = new EventTarget();
  const win = Object.assign(target, {
    document: { querySelector: () => ({ focus: () => focused.push('first search box') }) },
  }) as unknown as Window;
  return { win, focused };
}

describe('search focus hand-off', () => {
  it('lets the search screen claim the request', () => {
    const { win, focused } = fakeWindow();
    const claims: string[] = [];
    win.addEventListener(FOCUS_SEARCH_EVENT, (event) => {
      event.preventDefault();
      claims.push('search screen');
    });
    handOffSearchFocus(win);
    expect(claims).toEqual(['search screen']);
    expect(focused).toEqual([]);
  });

  it('focuses the first search box when nothing claims it', () => {
    const { win, focused } = fakeWindow();
    handOffSearchFocus(win);
    expect(focused).toEqual(['first search box']);
  });
});
