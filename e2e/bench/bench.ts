/**
 * `npm run bench`: the app's own store path on seeded PeeringDB copies served by the fake
 * server on loopback, measured in headless Chromium through the harness (the real main-side
 * sync controller, the real renderer and store worker). The fake runs in a worker thread of its
 * own, as another machine would. Two datasets in one run: full size (scale 1, PeeringDB's
 * proportions) and twice that (`scale2`), for how each figure grows.
 *
 * Prints progress, a summary against the targets of the performance issue, then one JSON
 * object as the last line (also written to bench-results/latest.json). A benchmark, not a
 * test: it fails only when it cannot measure, never on a figure.
 *
 * Each dataset's figures come from measurement modules (see dataset.ts); a new figure is a new
 * module and one more entry in `measureRun` below. History (./history.ts) is measured at full
 * size only: 30 generated daily dumps imported for history, the time per dump, the storage it
 * takes projected to a year, and the discovery latencies asked again after it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { assertChromiumInstalled } from '../harness/chromium';
import { REPO_ROOT } from '../harness/harness';
import { measureDataset, type DatasetFigures } from './dataset';
import { summarise } from './summary';

const SEED = Number(process.env.BENCH_SEED ?? 7);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
// For a quicker look while working: BENCH_SCALE2=0 skips the double-size run, BENCH_HISTORY=0
// the history import. A full run (both on) is the one whose figures count.
const WITH_SCALE2 = process.env.BENCH_SCALE2 !== '0';
const WITH_HISTORY = process.env.BENCH_HISTORY !== '0';

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: assertChromiumInstalled(), args: ['--no-sandbox'] });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

const NOTES = [
  'firstLoadMs, floorSamePathMs and firstLoadOverFloorSamePath are the paged-lists path (as with an API key or a mirror); firstLoadPaths has both paths, each against its own floor, warm and cold.',
  'floorMs and firstLoadOverFloor are the first yardstick (the bulk cache written as blobs, cold) against the paged first load: two different paths, kept for continuity only.',
  'Each same-path floor is the lower of a cold run (a fresh browser) and a warm one (the same page again).',
  'rows and totalRows are the rows stored, read back from IndexedDB by a restarted app; rowsGenerated counts deleted rows and hidden contacts too.',
  'longestTaskMs and workerLongestTaskMs are the longest over every sync of the run (both first loads, both resyncs); context.longestTasks has each.',
  'context.tracedFirstLoads: one more first load by each path, into an empty copy, under a Chromium trace (which slows it; its time is no figure of the app). For the store worker and the page it gives the longest task by wall time and the CPU the thread itself spent in it, the most CPU in one task, and every task of 50 ms or more as [wall, CPU] ms. Wall time includes waiting for a core; CPU does not.',
  'queries.indexBuildMs is the first discovery query after the 2,000-row resync, as it always was (= firstQueryAfterResyncMs); indexBuildMs is the first after a cold start; queries.firstPaintMs is a cold start of the app, not a reload.',
  'queries.firstPaintMs is the browser\'s first contentful paint of the window (its frame and first screen); until December 2026 it was the store worker\'s ready, which is now copyReadyMs: the copy loaded and its status on screen.',
  'backgroundWorkAfterResyncMs is how long the store worker still worked by itself (index rebuilt in the background, history) after the first query and search that follow the 2,000-row resync; the queries are measured once it is done, and again after the history import once its work is done too.',
  'context.heapAtRestMB is the heap once the worker has finished its own work after the 2,000-row resync: every index rebuilt and history, which it keeps in memory for two minutes after a sync, loaded. heapAfterIndexMB is read right after the indexes are built, and may come before history has recorded the first load.',
  'context.backgroundWorkAfterLoadMs is how long the store worker still worked by itself (history recording the first load, indexes) once every index had been asked for; the resyncs are measured after it, so they do not share the worker and the disk with it.',
  'Each repeated query (commonIxp5 and the peers lists) is asked 5 times before its 40 measured runs; those first answers, in which the engine has not optimised the code yet and the caches of a just-chosen network are made, are queries.context.warmUpMs, reported and not in the p95 (since December 2026). Search keystrokes are each asked once, all measured.',
  'firstSearchMs is the slower of the first searches right after each first load (context.firstSearchAfterLoadMs has both); until December 2026 it followed the paged-lists load only, and came after heapMB was read, whose collections gave the index time to build. heapMB is now read after that first search.',
  'naiveMs (one plain Dexie bulkPut per type) is a note, not a bound.',
  'rateLimitedNoChangeResyncMs is read on a clock whose waits pass faster; work between waits counts in real time.',
  'historyImportMsPerDump and historyMBPerYear come from 30 daily dumps imported for history at scale 1; queriesAfterHistory are the discovery latencies asked again after them.',
  'The machine is shared: figures are noisy from run to run.',
];

/** How busy the machine was, for judging the noise: cores, and the 1-minute load average at each step. */
function machineLoad(steps: [string, number][]): Record<string, unknown> {
  return { cores: availableParallelism(), loadAverage1m: Object.fromEntries(steps.map(([step, load]) => [step, Number(load.toFixed(1))])) };
}

async function measureRun(workDir: string): Promise<Record<string, unknown>> {
  const run = (scale: number, dir: string, history = false): Promise<DatasetFigures> =>
    measureDataset({ seed: SEED, scale, workDir: join(workDir, dir), log, history });
  const loads: [string, number][] = [['start', loadavg()[0]!]];
  // History is measured once, at full size: 30 daily dumps of the scale-2 copy would double a long run.
  const full = await run(SCALE, 'scale1', WITH_HISTORY);
  loads.push(['afterScale1', loadavg()[0]!]);
  const double = WITH_SCALE2 ? await run(SCALE * 2, 'scale2') : full;
  loads.push(['end', loadavg()[0]!]);
  const partial = WITH_SCALE2 && WITH_HISTORY ? [] : ['A partial run (BENCH_SCALE2=0 or BENCH_HISTORY=0): scale2 repeats scale 1 where it was skipped.'];
  return { seed: SEED, ...full, scale2: double, machine: machineLoad(loads), notes: [...NOTES, ...partial] };
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'peering-assistant-bench-'));
  try {
    const figures = await measureRun(workDir);
    const result = { ...figures, chromium: await chromiumVersion(), at: new Date().toISOString() };
    for (const line of summarise(result as unknown as DatasetFigures & { scale2: DatasetFigures })) log(line);
    const outDir = join(REPO_ROOT, 'bench-results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
