/**
 * History in the bench: 30 daily dumps of the full-size dataset, each a day of PeeringDB edits
 * after the one before (tools/fake-peeringdb/daily-changes.ts), imported one after the other
 * through File → Import dumps for history… as a user would, into the app that holds the copy.
 * Reports the time per dump (from the request to the app's end event) and what history adds to
 * the origin's storage, projected to a year of daily dumps.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { nextDay, type DailyState } from '../../tools/fake-peeringdb/daily-changes';
import type { FullPdbDump } from '../../tools/fake-peeringdb/dump';
import { publicView } from '../../tools/fake-peeringdb/generator';
import { SeededRandom } from '../../tools/fake-peeringdb/random';
import { PDB_TYPES } from '../../src/shared/peeringdb';
import type { HistoryImportProgress } from '../../src/shared/history/protocol';
import type { Harness } from '../harness/harness';
import { appEventMark, waitForAppEvent } from './events';

const DAYS = 30;
const DAY = 86_400;

export interface HistoryFigures {
  /** Mean over the dumps, and the slowest. */
  historyImportMsPerDump: number;
  historyImportMsMax: number;
  /** The origin's storage growth: the first dump (history's starting state), then per further dump. */
  historyFirstDumpMB: number;
  historyMBPerDump: number;
  /** The first dump plus 364 more days at the measured rate. */
  historyMBPerYear: number;
  /** The same projection from the size of history's own records (their text), for comparison. */
  historyStoredMBPerYear: number;
  dayChanges: Record<string, number>;
}

async function storageUsageMB(page: Page): Promise<number> {
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  return usage / 1_000_000;
}

async function historyStoredMB(page: Page): Promise<number> {
  const bytes = await page.evaluate(async () => {
    const coverage = (await window.__storeClient!.query('historyCoverage', {})) as { storedBytes: number };
    return coverage.storedBytes;
  });
  return bytes / 1_000_000;
}

function fileNameFor(at: number): string {
  const day = new Date(at * 1000).toISOString().slice(0, 10).replaceAll('-', '_');
  return `peeringdb_2_dump_${day}.json`;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export async function measureHistory(
  harness: Harness,
  dataset: FullPdbDump,
  options: { seed: number; scale: number; workDir: string; log: (message: string) => void },
): Promise<HistoryFigures> {
  const { page } = harness;
  // A copy of its own: the days' edits must not reach the dataset the query figures use.
  const dump = structuredClone(publicView(dataset));
  const state: DailyState = { random: new SeededRandom(options.seed + 1), scale: options.scale, departed: [] };
  // The 30 days before today, each dump made at 06:00 UTC.
  const firstDay = (Math.floor(Date.now() / 1000 / DAY) - DAYS) * DAY + 6 * 3600;
  const times: number[] = [];
  const usage: number[] = [await storageUsageMB(page)];
  const stored: number[] = [await historyStoredMB(page)];
  const changes: Record<string, number> = {};

  for (let day = 0; day < DAYS; day++) {
    const at = firstDay + day * DAY;
    if (day === 0) {
      for (const type of PDB_TYPES) dump[type].meta = { generated: at };
    } else {
      for (const [kind, count] of Object.entries(nextDay(dump, state, at))) changes[kind] = (changes[kind] ?? 0) + count;
    }
    const path = join(options.workDir, fileNameFor(at));
    writeFileSync(path, JSON.stringify(dump));

    await harness.dialogs.answerOpen([path]);
    const mark = await appEventMark(page);
    const t0 = await page.evaluate(async () => {
      const t0 = performance.now();
      const result = await window.api.importHistory();
      if (!result.started) throw new Error(`The history import did not start: ${result.reason ?? 'no reason given'}`);
      return t0;
    });
    const done = await waitForAppEvent(page, 'history-import-done', mark);
    const progress = done.detail as HistoryImportProgress;
    const outcome = progress.files[0];
    if (progress.phase !== 'done' || outcome?.outcome !== 'added') {
      throw new Error(`Day ${day + 1} was not added to history: ${outcome?.message ?? progress.message ?? progress.phase}`);
    }
    times.push(done.pageTime - t0);
    usage.push(await storageUsageMB(page));
    stored.push(await historyStoredMB(page));
    rmSync(path);
    options.log(`history day ${day + 1}/${DAYS}: ${Math.round(times.at(-1)!)} ms, storage ${round(usage.at(-1)!)} MB, history text ${round(stored.at(-1)!, 2)} MB`);
  }

  // Storage moves in steps as IndexedDB compacts its files: the growth per dump is the slope of
  // a least-squares line through days 1 to 30, not the difference of two noisy ends.
  const perYear = (series: number[]) => {
    const points = series.slice(1).map((value, index) => [index, value] as const);
    const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
    const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
    const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
    const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
    const perDump = variance > 0 ? covariance / variance : 0;
    const first = series[1]! - series[0]!;
    return { first, perDump, year: first + 364 * Math.max(0, perDump) };
  };
  const disk = perYear(usage);
  const text = perYear(stored);
  return {
    historyImportMsPerDump: Math.round(times.reduce((a, b) => a + b, 0) / times.length),
    historyImportMsMax: Math.round(Math.max(...times)),
    historyFirstDumpMB: round(disk.first),
    historyMBPerDump: round(disk.perDump, 2),
    historyMBPerYear: round(disk.year),
    historyStoredMBPerYear: round(text.year),
    dayChanges: Object.fromEntries(Object.entries(changes).map(([kind, total]) => [kind, round(total / (DAYS - 1))])),
  };
}
