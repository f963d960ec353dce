/**
 * Resyncs of a full copy: with nothing changed and after a day of edits on loopback, the first
 * query after the latter (its indexes are rebuilt), and a no-change resync paced as against
 * PeeringDB itself, on a clock whose waits pass faster and which the fake's limiter shares.
 */
import type { Page } from '@playwright/test';
import type { Harness } from '../harness/harness';
import { timedQuery, timedSync } from './app-runs';
import { appEventMark, waitForAppEvent } from './events';
import type { FakeInWorker } from './fake-in-worker';
import type { FastWaitClock } from './fast-wait-clock';
import { watchLongTasks, type LongestTasks } from './probes';
import type { QueryInputs } from './query-inputs';

export const CHANGED_ROWS = 2000;

export interface ResyncFigures {
  noChangeResyncMs: number;
  changeResyncMs: number;
  firstQueryAfterResyncMs: number;
  firstSearchAfterResyncMs: number;
  /**
   * After those two, how long the worker still worked by itself (the index rebuilt in the
   * background, history): the queries measured next wait for it, so they measure the app at rest.
   */
  backgroundWorkAfterResyncMs: number;
  longest: { noChange: LongestTasks; change: LongestTasks };
}

export async function measureResyncs(page: Page, fake: FakeInWorker, inputs: QueryInputs): Promise<ResyncFigures> {
  const noChange = await watchLongTasks(page, () => timedSync(page));
  await fake.change(CHANGED_ROWS);
  const change = await watchLongTasks(page, () => timedSync(page));
  const firstQueryAfterResyncMs = await timedQuery(page, 'compareNetworks', { asns: inputs.compareAsns });
  const firstSearchAfterResyncMs = await timedQuery(page, 'searchEverything', { query: inputs.keystrokes[0]!, limit: 50 });
  const backgroundWorkAfterResyncMs = await timedQuery(page, 'backgroundWorkDone', {});
  return {
    noChangeResyncMs: noChange.result,
    changeResyncMs: change.result,
    firstQueryAfterResyncMs,
    firstSearchAfterResyncMs,
    backgroundWorkAfterResyncMs,
    longest: { noChange: noChange.longest, change: change.longest },
  };
}

export interface PacedResyncFigures {
  /** On the fast-wait clock: the time a user would wait, with every wait at full length. */
  rateLimitedNoChangeResyncMs: number;
  requests: number;
  /** 429s the fake's limiter answered: none, when the pacing keeps PeeringDB's limits. */
  throttled: number;
}

/** A no-change resync by an app paced on `clock` (see launchBenchApp) against the enforcing fake. */
export async function measurePacedResync(harness: Harness, fake: FakeInWorker, clock: FastWaitClock): Promise<PacedResyncFigures> {
  const { page } = harness;
  await fake.limitRate(true);
  try {
    await fake.requests();
    const mark = await appEventMark(page);
    const startedAt = clock.now();
    const started = await page.evaluate(() => window.api.startSync({ reason: 'user' }));
    if (!started.started) throw new Error(`The paced resync did not start: ${started.reason ?? 'no reason given'}`);
    await harness.sync.idle();
    const rateLimitedNoChangeResyncMs = clock.now() - startedAt;
    await waitForAppEvent(page, 'sync-done', mark, ['sync-error', 'sync-cancelled']);
    const { urls, throttled } = await fake.requests();
    return { rateLimitedNoChangeResyncMs, requests: urls.length, throttled };
  } finally {
    await fake.limitRate(false);
  }
}
