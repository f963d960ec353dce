import { useEffect } from 'react';
import { runMenuCommand } from './app/menuCommands';
import { appActionDeps } from './app/appActions';
import { connectApp } from './app/connect';
import { handOffSearchFocus } from './app/focus';
import { Header } from './app/Header';
import { Navigation } from './app/Navigation';
import { commandForKey } from './app/shortcuts';
import { emitAppEvent } from './app-events';
import { getApi } from './bridge';
import { CompareView } from './features/compare';
import { RecordPage } from './features/network/RecordPage';
import { ContactsView } from './features/contacts';
import { NetworksView } from './features/networks';
import { PeersView } from './features/peers';
import { SearchView } from './features/search';
import { SettingsView } from './features/settings';
import { SyncView } from './features/sync';
import { useAppStore } from './state/store';
import { VIEW_LABELS, type ViewId } from './state/views';
import { getStoreClient } from './store/client';
import { ErrorBoundary } from './ui/ErrorBoundary';

const SCREENS: Record<ViewId, () => React.JSX.Element> = {
  sync: SyncView,
  networks: NetworksView,
  compare: CompareView,
  peers: PeersView,
  search: SearchView,
  contacts: ContactsView,
  settings: SettingsView,
};

const isMac = /Mac/.test(navigator.userAgent);

export function App(): React.JSX.Element {
  const view = useAppStore((s) => s.view);
  const openPage = useAppStore((s) => s.pages[s.pages.length - 1]);
  const focusRequest = useAppStore((s) => s.focusRequest);

  useEffect(
    () =>
      connectApp({ api: getApi(), client: getStoreClient(), store: useAppStore, emit: emitAppEvent, win: window }),
    [],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandForKey(event, isMac);
      if (!command) return;
      event.preventDefault();
      void runMenuCommand(command, appActionDeps());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Runs after the screen's own effects, so the search screen is listening by now.
  useEffect(() => {
    if (focusRequest === 'search' && view === 'search') {
      handOffSearchFocus();
      useAppStore.getState().clearFocusRequest();
    }
  }, [view, focusRequest]);

  const Screen = SCREENS[view];
  return (
    <div className="app">
      <Navigation isMac={isMac} />
      <div className="app-body">
        <Header />
        <main className="app-main" id="main" aria-label={VIEW_LABELS[view]}>
          {openPage ? (
            <ErrorBoundary key={`${openPage.kind}:${openPage.id}`} label="this page">
              <RecordPage page={openPage} />
            </ErrorBoundary>
          ) : (
            <ErrorBoundary key={view} label={`the ${VIEW_LABELS[view]} screen`}>
              <Screen />
            </ErrorBoundary>
          )}
        </main>
      </div>
    </div>
  );
}
