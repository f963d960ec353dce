import { emitAppEvent } from '../bridge/app-events';
import { getApi } from '../bridge/window-api';
import { useAppState } from '../state/app-state';
import { getStoreClient } from '../store-client/client';
import type { ActionDeps } from './actions';

let deps: ActionDeps | null = null;

/** The live dependencies of the app's actions, for event handlers in components. */
export function appActionDeps(): ActionDeps {
  deps ??= {
    api: getApi(),
    store: useAppState,
    emit: emitAppEvent,
    flushCopy: () => getStoreClient().flush(),
  };
  return deps;
}
