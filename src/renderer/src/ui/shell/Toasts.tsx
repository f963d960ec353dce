/**
 * The app's messages as toasts: one at a time, in a corner, never over the table being read.
 * Good news and information leave by themselves; an error stays until it is dismissed or the
 * user moves on (navigation clears it, see the ui slice). A message with an action ("Undo")
 * stays long enough to be used, and pauses while the pointer or focus is on it.
 */
import * as Toast from '@radix-ui/react-toast';
import { useAppState } from '../state/app-state';
import type { Notice } from '../state/ui-slice';

const SHOWN_MS = 6_000;
const SHOWN_WITH_ACTION_MS = 12_000;

function durationOf(notice: Notice): number {
  if (notice.tone === 'error') return Infinity;
  return notice.action ? SHOWN_WITH_ACTION_MS : SHOWN_MS;
}

export function Toasts(): React.JSX.Element {
  const notice = useAppState((s) => s.notice);
  const dismissNotice = useAppState((s) => s.dismissNotice);
  return (
    <Toast.Provider swipeDirection="right" label="Messages">
      {notice && (
        <Toast.Root
          key={notice.id}
          className={`toast toast-${notice.tone}`}
          duration={durationOf(notice)}
          type={notice.tone === 'error' ? 'foreground' : 'background'}
          data-testid="notice"
          onOpenChange={(open) => {
            if (!open) dismissNotice(notice.id);
          }}
        >
          <Toast.Description className="toast-text">{notice.text}</Toast.Description>
          {notice.action && (
            <Toast.Action altText={`${notice.action.label}: ${notice.text}`} asChild>
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  const action = notice.action;
                  dismissNotice(notice.id);
                  void action?.run();
                }}
              >
                {notice.action.label}
              </button>
            </Toast.Action>
          )}
          <Toast.Close className="toast-close" aria-label="Dismiss message">
            ×
          </Toast.Close>
        </Toast.Root>
      )}
      <Toast.Viewport className="toast-viewport" />
    </Toast.Provider>
  );
}
