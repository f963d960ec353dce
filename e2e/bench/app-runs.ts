/** Starting the app for the bench and timing what a user does in it: syncs and store queries. */
import type { Page } from '@playwright/test';
import type { PdbType } from '../../src/shared/peeringdb';
import type { SyncClock } from '../../src/main/sync/clock';
import type { QueryArgs, QueryName } from '../../src/renderer/src/protocol/operations';
// Declares window.__storeClient, which the page offers under automation.
import type {} from '../../src/renderer/src/ui/bridge/automation';
import { launchHarness, type Harness } from '../harness/harness';
import { appEventMark, waitForAppEvent } from './events';
import type { FakeReady } from './fake-in-worker';

/** How the app loads a first copy: from the bulk cache (anonymous, PeeringDB's own API) or the API's pages. */
export type FirstLoadPath = 'bulk-cache' | 'paged-lists';

export interface BenchAppOptions {
  path: FirstLoadPath;
  /** Pace the fake as PeeringDB itself, with waits on this clock. */
  pacedOn?: SyncClock;
}

/** The app (real main-side sync, renderer and store worker) on `userDataDir`, ready for use. */
export async function launchBenchApp(fake: FakeReady, userDataDir: string, options: BenchAppOptions): Promise<Harness> {
  const harness = await launchHarness({
    env: { PEERINGDB_URL: fake.apiUrl },
    userDataDir,
    ...(options.path === 'bulk-cache' ? { bulkCacheUrl: fake.cacheUrl } : {}),
    ...(options.pacedOn ? { syncClock: options.pacedOn, syncTuning: { pacedDomain: null } } : {}),
  });
  await waitForAppEvent(harness.page, 'ready', 0);
  return harness;
}

/** A sync started as the user starts one, in ms on the page's clock until the app says it is done. */
export async function timedSync(page: Page): Promise<number> {
  const mark = await appEventMark(page);
  const started = await page.evaluate(async () => {
    const t0 = performance.now();
    const result = await window.api.startSync({ reason: 'user' });
    return { t0, result };
  });
  if (!started.result.started) throw new Error(`The sync did not start: ${started.result.reason ?? 'no reason given'}`);
  const done = await waitForAppEvent(page, 'sync-done', mark, ['sync-error', 'sync-cancelled']);
  return Math.round(done.pageTime - started.t0);
}

/** One store query as the UI asks it (page to worker and back), in ms. */
export async function timedQuery<N extends QueryName>(page: Page, name: N, args: QueryArgs<N>): Promise<number> {
  const ms = await page.evaluate(
    async ({ name, args }) => {
      const store = window.__storeClient;
      if (!store) throw new Error('The page did not offer its store client (navigator.webdriver unset?)');
      const t0 = performance.now();
      await store.query(name, args as never);
      return performance.now() - t0;
    },
    { name, args: args as unknown },
  );
  return Number(ms.toFixed(1));
}

/** The rows the store holds, per type: what a user has, not what the server sent. */
export async function storedRows(page: Page): Promise<Record<PdbType, number>> {
  return page.evaluate(async () => {
    const store = window.__storeClient;
    if (!store) throw new Error('The page did not offer its store client (navigator.webdriver unset?)');
    return (await store.status()).counts;
  });
}
