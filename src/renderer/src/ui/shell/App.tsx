import { lazy, Suspense, useEffect } from 'react';
import { runMenuCommand } from '../commands/menu-commands';
import { appActionDeps } from '../commands/app-actions';
import { connectApp } from './connect';
import { handOffSearchFocus } from '../commands/focus';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { commandForKey } from '../commands/shortcuts';
import { emitAppEvent } from '../bridge/app-events';
import { getApi } from '../bridge/window-api';
import { SyncScreen } from '../screens/sync/SyncScreen';
import { useAppState } from '../state/app-state';
import { VIEW_LABELS, type ViewId } from '../state/views';
import { getStoreClient } from '../store-client/client';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { TipProvider } from '../components/Tip';
import { IncompleteCopyNotice } from './IncompleteCopyNotice';
import { Toasts } from './Toasts';

// The window opens on the Sync screen; the others (and the table and popover code they bring)
// load when first visited, so the first paint stays light.
const CompareScreen = lazy(() => import('../screens/compare/CompareScreen').then((m) => ({ default: m.CompareScreen })));
const ContactsScreen = lazy(() => import('../screens/contacts/ContactsScreen').then((m) => ({ default: m.ContactsScreen })));
const MyNetworksScreen = lazy(() =>
  import('../screens/my-networks/MyNetworksScreen').then((m) => ({ default: m.MyNetworksScreen })),
);
const PeersScreen = lazy(() => import('../screens/peers/PeersScreen').then((m) => ({ default: m.PeersScreen })));
const SearchScreen = lazy(() => import('../screens/search/SearchScreen').then((m) => ({ default: m.SearchScreen })));
const RequestsScreen = lazy(() => import('../screens/requests/RequestsScreen').then((m) => ({ default: m.RequestsScreen })));
const SessionsScreen = lazy(() => import('../screens/sessions/SessionsScreen').then((m) => ({ default: m.SessionsScreen })));
const ChangesScreen = lazy(() => import('../screens/changes/ChangesScreen').then((m) => ({ default: m.ChangesScreen })));
const StatisticsScreen = lazy(() =>
  import('../screens/statistics/StatisticsScreen').then((m) => ({ default: m.StatisticsScreen })),
);
const SettingsScreen = lazy(() => import('../screens/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const RecordPage = lazy(() => import('../pages/RecordPage').then((m) => ({ default: m.RecordPage })));

const SCREENS: Record<ViewId, React.ComponentType> = {
  sync: SyncScreen,
  networks: MyNetworksScreen,
  compare: CompareScreen,
  peers: PeersScreen,
  search: SearchScreen,
  contacts: ContactsScreen,
  requests: RequestsScreen,
  sessions: SessionsScreen,
  changes: ChangesScreen,
  statistics: StatisticsScreen,
  settings: SettingsScreen,
};

const isMac = /Mac/.test(navigator.userAgent);

/** The screens that answer from the copy: each says so above itself while the copy is incomplete. */
const DISCOVERY_VIEWS: ReadonlySet<ViewId> = new Set(['networks', 'compare', 'peers', 'search', 'contacts', 'sessions']);

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
    <TipProvider delayDuration={400}>
      <div className="app">
        <Navigation isMac={isMac} />
        <div className="app-body">
          <Header />
          <main className="app-main" id="main" aria-label={VIEW_LABELS[view]}>
            {(openPage || DISCOVERY_VIEWS.has(view)) && <IncompleteCopyNotice />}
            <Suspense fallback={<p className="muted">Loading…</p>}>
              {openPage ? (
                <ErrorBoundary key={`${openPage.kind}:${openPage.id}`} label="this page">
                  <RecordPage page={openPage} />
                </ErrorBoundary>
              ) : (
                <ErrorBoundary key={view} label={`the ${VIEW_LABELS[view]} screen`}>
                  <Screen />
                </ErrorBoundary>
              )}
            </Suspense>
          </main>
        </div>
      </div>
      <Toasts />
    </TipProvider>
  );
}
