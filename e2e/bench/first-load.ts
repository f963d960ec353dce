/**
 * A first load into an empty copy, by one path, against its same-path floor: the time until
 * the app says the sync is done, the longest tasks on the page and in the store worker, and
 * the rows the store then holds. The bench checks the app made exactly the floor's requests,
 * so the ratio compares like with like.
 */
import type { Page } from '@playwright/test';
import type { PdbType } from '../../src/shared/peeringdb';
import { storedRows, timedSync, type FirstLoadPath } from './app-runs';
import type { FloorFigures } from './baselines';
import type { FakeInWorker } from './fake-in-worker';
import { watchLongTasks, type LongestTasks } from './probes';

export interface FirstLoadFigures {
  firstLoadMs: number;
  floorWarmMs: number;
  floorColdMs: number;
  /** The lower of the floor's two runs: the least these requests were seen to cost. */
  floorMs: number;
  /** First load over floorMs. */
  overFloor: number;
  requests: number;
  bytes: number;
  longestTaskMs: number;
  workerLongestTaskMs: number;
  storedRows: number;
}

export function ratio(ms: number, floorMs: number): number {
  return Number((ms / floorMs).toFixed(2));
}

/** Where two request lists part, for a message a person can act on. */
function firstDifference(app: string[], floor: string[]): string {
  const at = app.findIndex((url, i) => url !== floor[i]);
  const i = at === -1 ? Math.min(app.length, floor.length) : at;
  return `request ${i + 1}: the app asked ${app[i] ?? 'nothing more'}, the floor ${floor[i] ?? 'nothing more'} (${app.length} against ${floor.length} requests)`;
}

export async function measureFirstLoad(
  page: Page,
  fake: FakeInWorker,
  path: FirstLoadPath,
  floor: FloorFigures,
): Promise<{ figures: FirstLoadFigures; rows: Record<PdbType, number>; longest: LongestTasks }> {
  await fake.requests();
  const { result: firstLoadMs, longest } = await watchLongTasks(page, () => timedSync(page));
  const { urls } = await fake.requests();
  if (urls.join('\n') !== floor.urls.join('\n')) {
    throw new Error(`The ${path} floor no longer makes the app's requests, so it is no yardstick: ${firstDifference(urls, floor.urls)}`);
  }
  const rows = await storedRows(page);
  return {
    figures: {
      firstLoadMs,
      floorWarmMs: floor.warmMs,
      floorColdMs: floor.coldMs,
      floorMs: Math.min(floor.warmMs, floor.coldMs),
      overFloor: ratio(firstLoadMs, Math.min(floor.warmMs, floor.coldMs)),
      requests: urls.length,
      bytes: floor.bytes,
      longestTaskMs: longest.pageMs,
      workerLongestTaskMs: longest.workerMs,
      storedRows: Object.values(rows).reduce((a, b) => a + b, 0),
    },
    rows,
    longest,
  };
}
