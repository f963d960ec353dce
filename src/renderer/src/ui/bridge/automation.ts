/**
 * Under browser automation (the end-to-end suite, the benchmark) the page offers its store
 * client, so a test can seed the user's tables and time queries the way the UI runs them.
 * A user's window is never driven by a test, and would gain nothing from this anyway:
 * the page's own code can reach its worker.
 */
import { getStoreClient, type StoreClient } from '../store-client/client';
import { isDrivenByTest } from './app-events';

declare global {
  interface Window {
    __storeClient?: StoreClient;
  }
}

export function offerStoreToAutomation(): void {
  if (isDrivenByTest()) window.__storeClient = getStoreClient();
}
