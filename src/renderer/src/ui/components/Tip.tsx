/**
 * A tooltip (Radix): shown on hover and on keyboard focus of its trigger, announced as the
 * trigger's description. The trigger must be focusable for keyboard users to reach it.
 * The shell provides the one TooltipProvider (shared delays) for the whole window.
 */
import * as Tooltip from '@radix-ui/react-tooltip';

export const TipProvider = Tooltip.Provider;

export function Tip({
  content,
  children,
  side = 'top',
}: {
  content: React.ReactNode;
  /** One element that accepts a ref and focus (a button, a link, a time with tabIndex). */
  children: React.ReactElement;
  side?: 'top' | 'bottom' | 'left' | 'right';
}): React.JSX.Element {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="tip" side={side} sideOffset={4} collisionPadding={8}>
          {content}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
