import { emitAppEvent } from '../app-events';
import { getApi } from '../bridge';
import { useAppStore } from '../state/store';
import { getStoreClient } from '../store/client';
import type { ActionDeps } from './actions';

let deps: ActionDeps | null = null;

/** The live dependencies of the app's actions, for event handlers in components. */
export function appActionDeps(): ActionDeps {
  deps ??= {
    api: getApi(),
    store: useAppStore,
    emit: emitAppEvent,
    flushCopy: () => getStoreClient().flush(),
  };
  return deps;
}
