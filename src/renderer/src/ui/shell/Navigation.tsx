import { screenShortcutDigit } from '../../../../shared/screen-shortcuts';
import { SCREEN_COMMANDS } from '../commands/menu-commands';
import { useAppState } from '../state/app-state';
import { useStoreQuery } from '../store-client/use-store-query';
import { VIEW_LABELS, VIEWS, type ViewId } from '../state/views';

/** The key that goes with Ctrl (⌘) to open each screen, as the menu binds it. */
function shortcutKey(view: ViewId): string | undefined {
  return view === 'settings' ? ',' : screenShortcutDigit(SCREEN_COMMANDS[view]);
}

export function Navigation({ isMac }: { isMac: boolean }): React.JSX.Element {
  const current = useAppState((s) => s.view);
  const navigate = useAppState((s) => s.navigate);
  const modifier = isMac ? 'Meta' : 'Control';
  const followUpsDue = useStoreQuery('followUpsDue', {}).data ?? 0;
  const newChanges = useStoreQuery('reviewCounts', {}).data?.newCount ?? 0;
  return (
    <nav className="app-nav" aria-label="Main">
      <div className="app-title">Peering Assistant</div>
      <ul>
        {VIEWS.map((view) => {
          const key = shortcutKey(view);
          return (
            <li key={view}>
              <button
                type="button"
                className="nav-item"
                aria-current={view === current ? 'page' : undefined}
                aria-keyshortcuts={key ? `${modifier}+${key}` : undefined}
                onClick={() => navigate(view)}
              >
                <span>{VIEW_LABELS[view]}</span>
                {view === 'requests' && followUpsDue > 0 && (
                  <span className="nav-count">
                    {followUpsDue}
                    <span className="visually-hidden"> {followUpsDue === 1 ? 'follow-up' : 'follow-ups'} due</span>
                  </span>
                )}
                {view === 'changes' && newChanges > 0 && (
                  <span className="nav-count" data-testid="new-changes">
                    {newChanges}
                    <span className="visually-hidden"> new</span>
                  </span>
                )}
                {key && (
                  <kbd aria-hidden="true">
                    {isMac ? '⌘' : 'Ctrl+'}
                    {key}
                  </kbd>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
