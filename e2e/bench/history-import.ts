/**
 * History in the bench: 30 daily dumps of the full-size dataset, each a day of PeeringDB edits
 * after the one before (tools/fake-peeringdb/daily-changes.ts), imported through File → Import
 * dumps for history… as a user would, into the app that holds the copy: the first on its own
 * (history's starting state), then the other 29 chosen at once. Reports the time per dump (from
 * the request to the app's end event) and what history adds to the origin's storage, projected
 * to a year of daily dumps.
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
  /** All 30 dumps' time over 30: the first on its own, then the other 29 chosen at once. */
  historyImportMsPerDump: number;
  /** The longest wait between two dumps done, in the import of 29. */
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

/** Imports the files as File → Import dumps for history… with them chosen; resolves with its time and outcome. */
async function importForHistory(harness: Harness, paths: string[]): Promise<{ ms: number; progress: HistoryImportProgress }> {
  const { page } = harness;
  await harness.dialogs.answerOpen(paths);
  const mark = await appEventMark(page);
  const t0 = await page.evaluate(async () => {
    const t0 = performance.now();
    const result = await window.api.importHistory();
    if (!result.started) throw new Error(`The history import did not start: ${result.reason ?? 'no reason given'}`);
    return t0;
  });
  const done = await waitForAppEvent(page, 'history-import-done', mark);
  const progress = done.detail as HistoryImportProgress;
  const failed = progress.files.find((file) => file.outcome !== 'added');
  if (progress.phase !== 'done' || failed || progress.files.length !== paths.length) {
    throw new Error(`Not every dump was added to history: ${failed?.file ?? ''} ${failed?.message ?? progress.message ?? progress.phase}`);
  }
  return { ms: done.pageTime - t0, progress };
}

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
  const changes: Record<string, number> = {};
  const paths: string[] = [];
  for (let day = 0; day < DAYS; day++) {
    const at = firstDay + day * DAY;
    if (day === 0) {
      for (const type of PDB_TYPES) dump[type].meta = { generated: at };
    } else {
      for (const [kind, count] of Object.entries(nextDay(dump, state, at))) changes[kind] = (changes[kind] ?? 0) + count;
    }
    const path = join(options.workDir, fileNameFor(at));
    writeFileSync(path, JSON.stringify(dump));
    paths.push(path);
  }
  options.log(`wrote ${DAYS} daily dumps`);

  const usage = [await storageUsageMB(page)];
  const stored = [await historyStoredMB(page)];
  // The first day alone gives history's starting state; the other 29 come as a user adds a month.
  const first = await importForHistory(harness, paths.slice(0, 1));
  usage.push(await storageUsageMB(page));
  stored.push(await historyStoredMB(page));
  options.log(`history: first dump ${Math.round(first.ms)} ms, storage +${round(usage[1]! - usage[0]!)} MB`);
  const rest = await importForHistory(harness, paths.slice(1));
  usage.push(await storageUsageMB(page));
  stored.push(await historyStoredMB(page));
  for (const path of paths) rmSync(path);
  const finished = rest.progress.files.map((file) => file.finishedAt);
  const gaps = finished.map((at, index) => at - (index === 0 ? rest.progress.startedAt : finished[index - 1]!));
  options.log(`history: ${DAYS - 1} dumps at once in ${Math.round(rest.ms)} ms, storage +${round(usage[2]! - usage[1]!)} MB`);

  const perYear = (series: number[]) => {
    const firstDump = series[1]! - series[0]!;
    const perDump = Math.max(0, (series[2]! - series[1]!) / (DAYS - 1));
    return { firstDump, perDump, year: firstDump + 364 * perDump };
  };
  const text = perYear(stored);
  // IndexedDB compacts its files now and then, so the origin's usage can even shrink over a
  // run: what history's own records hold is the least it can take.
  const measured = perYear(usage);
  const disk = {
    firstDump: Math.max(measured.firstDump, text.firstDump),
    perDump: Math.max(measured.perDump, text.perDump),
    year: 0,
  };
  disk.year = disk.firstDump + 364 * disk.perDump;
  return {
    historyImportMsPerDump: Math.round((first.ms + rest.ms) / DAYS),
    historyImportMsMax: Math.round(Math.max(first.ms, ...gaps)),
    historyFirstDumpMB: round(disk.firstDump),
    historyMBPerDump: round(disk.perDump, 2),
    historyMBPerYear: round(disk.year),
    historyStoredMBPerYear: round(text.year),
    dayChanges: Object.fromEntries(Object.entries(changes).map(([kind, total]) => [kind, round(total / (DAYS - 1))])),
  };
}
