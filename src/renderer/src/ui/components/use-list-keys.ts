/**
 * Arrow keys and Enter over a list of results that belongs to a text box (Home and End stay
 * with the text box's caret).
 */
import { useState } from 'react';

export function useListKeys(count: number, choose: (index: number) => void) {
  const [active, setActive] = useState(0);
  const current = count === 0 ? -1 : Math.min(active, count - 1);

  function onKeyDown(event: React.KeyboardEvent) {
    if (count === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + count) % count);
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      choose(current);
    }
  }

  return { active: current, setActive, onKeyDown };
}
