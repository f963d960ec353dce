import { useEffect } from 'react';
import { runMenuCommand } from '../commands/menu-commands';
import { appActionDeps } from '../commands/app-actions';
import { connectApp } from './connect';
import { handOffSearchFocus } from '../commands/focus';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { commandForKey } from '../commands/shortcuts';
import { emitAppEvent } from '../bridge/app-events';
import { getApi } from '../bridge/api';
import { ChangesScreen } from '../screens/changes/ChangesScreen';
import { CompareScreen } from '../screens/compare/CompareScreen';
import { RecordPage } from '../pages/RecordPage';
import { ContactsScreen } from '../screens/contacts/ContactsScreen';
import { MyNetworksScreen } from '../screens/my-networks/MyNetworksScreen';
import { PeersScreen } from '../screens/peers/PeersScreen';
import { SearchScreen } from '../screens/search/SearchScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { StatisticsScreen } from '../screens/statistics/StatisticsScreen';
import { SyncScreen } from '../screens/sync/SyncScreen';
import { useAppState } from '../state/app-state';
import { VIEW_LABELS, type ViewId } from '../state/views';
import { getStoreClient } from '../store-client/client';
import { ErrorBoundary } from '../components/ErrorBoundary';

const SCREENS: Record<ViewId, () => React.JSX.Element> = {
  sync: SyncScreen,
  networks: MyNetworksScreen,
  compare: CompareScreen,
  peers: PeersScreen,
  search: SearchScreen,
  contacts: ContactsScreen,
  changes: ChangesScreen,
  statistics: StatisticsScreen,
  settings: SettingsScreen,
};

const isMac = /Mac/.test(navigator.userAgent);

export function App(): React.JSX.Element {
  const view = useAppState((s) => s.view);
  const openPage = useAppState((s) => s.pages[s.pages.length - 1]);
  const focusRequest = useAppState((s) => s.focusRequest);

  useEffect(
    () =>
      connectApp({ api: getApi(), client: getStoreClient(), store: useAppState, emit: emitAppEvent, win: window }),
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
      useAppState.getState().clearFocusRequest();
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
