/**
 * Connects the UI state to the outside world: main's events (progress, menu, settings), the
 * store worker (ready, changes) and the sync port hand-off. Returns one disconnect.
 */
import type { Api } from '../../../../shared/ipc';
import type { AppEventName } from '../bridge/app-events';
import { ipcErrorMessage, listenForSyncPorts } from '../bridge/window-api';
import type { AppStateHandle } from '../state/app-state';
import type { StoreClient } from '../store-client/client';
import type { ActionDeps } from '../commands/actions';
import { runMenuCommand } from '../commands/menu-commands';
import { bringOverLegacyUserData } from './legacy-user-data-import';
import { createSyncEventTracker } from './sync-events';

export interface ConnectDeps {
  api: Api;
  client: StoreClient;
  store: AppStateHandle;
  emit: (name: AppEventName, detail?: unknown) => void;
  /** The window whose messages carry sync ports. */
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

export function actionDepsFor({ api, client, store, emit }: ConnectDeps): ActionDeps {
  return { api, store, emit, flushCopy: () => client.flush() };
}

export function connectApp(deps: ConnectDeps): () => void {
  const { api, client, store, emit, win } = deps;
  let connected = true;
  const actions = actionDepsFor(deps);
  const refreshStatus = createStatusRefresher(client, store, () => connected);
  const trackSyncEvents = createSyncEventTracker(emit);

  const disconnects = [
    listenForSyncPorts(win, win, (port, jobId) => client.attachSyncPort(port, jobId)),
    api.onSyncProgress((progress) => {
      store.getState().applySyncProgress(progress);
      trackSyncEvents(progress);
    }),
    api.onMenuCommand((command) => {
      emit('menu-command', command);
      runMenuCommand(command, actions).catch((error: unknown) => {
        store.getState().showNotice('error', ipcErrorMessage(error));
      });
    }),
    api.onSettingsChanged((settings) => store.getState().setSettings(settings)),
    api.onHistoryProgress((progress) => {
      store.getState().applyHistoryProgress(progress);
      if (progress.phase === 'done' || progress.phase === 'cancelled' || progress.phase === 'error') {
        // The Statistics screen's History panel says how the import ended: a toast there would say it twice, over the charts.
        const state = store.getState();
        const panelShown = state.view === 'statistics' && state.pages.length === 0;
        if (progress.message && !panelShown) state.showNotice(progress.phase === 'done' ? 'success' : 'error', progress.message);
        emit('history-import-done', progress);
      }
    }),
    client.onChanged((dataVersion) => {
      emit('data-changed', { dataVersion });
      refreshStatus();
    }),
  ];

  api.getSettings().then(
    (settings) => connected && store.getState().setSettings(settings),
    (error: unknown) => connected && store.getState().setSettingsLoadError(ipcErrorMessage(error)),
  );

  client.ready.then(
    (status) => {
      if (!connected) return;
      store.getState().setCopyStatus(status);
      emit('ready', { dataVersion: status.dataVersion });
      bringOverLegacyUserData(api, client, store).catch((error: unknown) => {
        if (connected) store.getState().showNotice('error', `The earlier version’s data could not be brought over: ${ipcErrorMessage(error)}`);
      });
    },
    (error: unknown) => {
      if (connected) store.getState().setCopyError(ipcErrorMessage(error));
    },
  );

  return () => {
    connected = false;
    for (const disconnect of disconnects) disconnect();
  };
}

/**
 * Re-reads the copy's status after changes. A sync commits many pages a second; at most one
 * request is in flight, and one more follows if something changed meanwhile.
 */
export function createStatusRefresher(
  client: Pick<StoreClient, 'status'>,
  store: AppStateHandle,
  isConnected: () => boolean,
): () => void {
  let inFlight = false;
  let again = false;
  const run = (): void => {
    inFlight = true;
    again = false;
    client
      .status()
      .then(
        (status) => isConnected() && store.getState().setCopyStatus(status),
        (error: unknown) => isConnected() && store.getState().setCopyError(ipcErrorMessage(error)),
      )
      .finally(() => {
        inFlight = false;
        if (again && isConnected()) run();
      });
  };
  return () => {
    if (inFlight) again = true;
    else run();
  };
}
