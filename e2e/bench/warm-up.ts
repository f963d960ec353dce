/**
 * What the first queries cost while the indexes are built: the first search right after a load
 * (what a user typing at once waits for), and the first discovery query after the app starts
 * with a full copy. Then every index is made to exist, so the heap can be read with them.
 */
import type { Page } from '@playwright/test';
import { timedQuery } from './app-runs';
import type { QueryInputs } from './query-inputs';
// Declares window.__appEvents, which the page keeps under automation.
import type {} from '../../src/renderer/src/ui/bridge/app-events';

/** Moments of a cold start, in ms from the window's navigation. */
export interface ColdStart {
  /** The browser's first contentful paint: the window's frame (navigation, header, first screen) on screen. */
  firstPaintMs: number;
  /** The store worker said it is ready: the copy is loaded and the first screen shows its status. */
  copyReadyMs: number;
}

/** Read once the app said it is ready (see launchBenchApp). */
export function coldStartMoments(page: Page): Promise<ColdStart> {
  return page.evaluate(() => {
    const paint = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
    const ready = window.__appEvents?.find((event) => event.name === 'ready');
    return {
      firstPaintMs: paint ? Math.round(paint.startTime) : Number.NaN,
      copyReadyMs: ready ? Math.round(ready.at - performance.timeOrigin) : Number.NaN,
    };
  });
}

/** The first keystroke's search, right after a first load: nothing is indexed yet. */
export function firstSearch(page: Page, inputs: QueryInputs): Promise<number> {
  return timedQuery(page, 'searchEverything', { query: inputs.keystrokes[0]!, limit: 50 });
}

/** The first discovery query after the app started: the discovery index is built for it. */
export function firstDiscoveryQuery(page: Page, inputs: QueryInputs): Promise<number> {
  return timedQuery(page, 'compareNetworks', { asns: inputs.compareAsns });
}

/**
 * Builds every index the app keeps: discovery (compare, peers) and each search structure
 * (names, ASNs, IRR as-sets, IP addresses, prefixes).
 */
export async function buildEveryIndex(page: Page, inputs: QueryInputs): Promise<void> {
  await timedQuery(page, 'compareNetworks', { asns: inputs.compareAsns });
  await timedQuery(page, 'findPeers', { place: { kind: 'ix', ixId: inputs.largestIx.ixId } });
  for (const query of inputs.everySearchKind) await timedQuery(page, 'searchEverything', { query, limit: 50 });
}
