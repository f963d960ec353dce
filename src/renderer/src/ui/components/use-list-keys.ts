/**
 * Arrow keys and Enter over a list of results that belongs to a text box (Home and End stay
 * with the text box's caret). With `startUnchosen`, nothing is highlighted until the user
 * moves with the arrows, so Enter never takes a result the user did not pick.
 */
import { useState } from 'react';

export function useListKeys(count: number, choose: (index: number) => void, { startUnchosen = false } = {}) {
  const none = startUnchosen ? -1 : 0;
  const [active, setActive] = useState(none);
  const current = count === 0 ? -1 : Math.min(active, count - 1);

  function onKeyDown(event: React.KeyboardEvent) {
    if (count === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const from = current < 0 && step < 0 ? 0 : current;
      setActive((from + step + count) % count);
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      choose(current);
    }
  }

  return { active: current, setActive, reset: () => setActive(none), onKeyDown };
}
