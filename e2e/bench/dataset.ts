/**
 * Every figure of one seeded dataset, in one pass: the floors, a first load by each path, what
 * a user meets right after (first search, heap with every index), resyncs, query latencies,
 * a cold start of the app on the stored copy, and a no-change resync paced as against PeeringDB.
 * Each measurement lives in a module of its own; this file only runs them in an order that
 * keeps one from disturbing the next, and assembles their figures.
 */
import { join } from 'node:path';
import type { PdbType } from '../../src/shared/peeringdb';
import { launchBenchApp, storedRows, timedQuery, timedSync, type FirstLoadPath } from './app-runs';
import { measureBaselines } from './baselines';
import { FakeInWorker, type FakeReady } from './fake-in-worker';
import { FastWaitClock, newFastWaitBuffer } from './fast-wait-clock';
import { measureFirstLoad, ratio, type FirstLoadFigures } from './first-load';
import { traceTasks, type TracedTasks } from './task-trace';
import { heapUsageMB, type LongestTasks } from './probes';
import { measureHistory, type HistoryFigures } from './history-import';
import { measureQueries, type QueryFigures } from './queries';
import { generateDataset } from '../../tools/fake-peeringdb/generator';
import { CHANGED_ROWS, measurePacedResync, measureResyncs } from './resyncs';
import { buildEveryIndex, coldStartMoments, firstDiscoveryQuery, firstSearch, type ColdStart } from './warm-up';

/** The paced resync's waits pass this many times faster than real time. */
const PACED_SPEED_UP = 20;

export interface DatasetFigures {
  scale: number;
  /** Rows the store holds after the first load, read back from IndexedDB by a restarted app. */
  rows: Record<PdbType, number>;
  totalRows: number;
  /** Rows the generator made, deleted rows and contacts an anonymous caller cannot see included. */
  rowsGenerated: number;
  /** Bytes of the bulk cache's files. */
  bytes: number;
  /** First load by paged lists, as with an API key or a mirror (see firstLoadPaths for both). */
  firstLoadMs: number;
  /** The first yardstick: the bulk cache's bytes written as blobs, cold. Kept for continuity. */
  floorMs: number;
  /** A note, not a bound: fetch, parse and one plain Dexie bulkPut per type. */
  naiveMs: number;
  /** firstLoadMs over floorMs, two different paths: kept for continuity, see firstLoadOverFloorSamePath. */
  firstLoadOverFloor: number;
  noChangeResyncMs: number;
  changeResyncMs: number;
  /** The longest task on the page thread during any sync of the run. */
  longestTaskMs: number;
  /** The renderer's heap right after the first load and its first search, before every index is asked for. */
  heapMB: number;
  /**
   * `indexBuildMs` in here is what it always measured, the first discovery query after the
   * resync of changed rows (firstQueryAfterResyncMs); `firstPaintMs` is now a cold start.
   */
  queries: QueryFigures & { indexBuildMs: number; firstPaintMs: number };
  /** The floor on the same requests as firstLoadMs (paged lists): the lower of its cold and warm runs. */
  floorSamePathMs: number;
  firstLoadOverFloorSamePath: number;
  /**
   * The first search right after a first load, indexes built on the way: the slower of the two
   * paths' (context.firstSearchAfterLoadMs has each).
   */
  firstSearchMs: number;
  /** The first discovery query after the app starts on a full copy: the discovery index is built for it. */
  indexBuildMs: number;
  /** On the same cold start as queries.firstPaintMs: when the copy was loaded and its status known. */
  copyReadyMs: number;
  /** The renderer's heap (page and workers) once every discovery and search index exists. */
  heapAfterIndexMB: number;
  /** The longest task in the store worker during any sync of the run. */
  workerLongestTaskMs: number;
  /** A no-change resync paced by PeeringDB's published limits, against a fake enforcing them. */
  rateLimitedNoChangeResyncMs: number;
  /** The first discovery query after the resync of changed rows. */
  firstQueryAfterResyncMs: number;
  /** What the worker still did by itself after that resync (and its first query and search), waited for before the queries. */
  backgroundWorkAfterResyncMs: number;
  firstLoadPaths: { pagedLists: FirstLoadFigures; bulkCache: FirstLoadFigures };
  context: Record<string, unknown>;
  /** Only where the run imported history (scale 1): its figures, and the queries asked again after it. */
  historyImportMsPerDump?: number;
  historyMBPerYear?: number;
  queriesAfterHistory?: QueryFigures;
}

export interface DatasetRun {
  seed: number;
  scale: number;
  workDir: string;
  log: (message: string) => void;
  /** Also import 30 daily dumps for history into the app, and ask discovery again after. */
  history?: boolean;
}

export async function measureDataset({ seed, scale, workDir, log, history = false }: DatasetRun): Promise<DatasetFigures> {
  const started = Date.now();
  const clockBuffer = newFastWaitBuffer();
  const fake = new FakeInWorker({ seed, scale, clockBuffer });
  try {
    const served = await fake.ready();
    const rowsGenerated = Object.values(served.rows).reduce((a, b) => a + b, 0);
    log(`scale ${scale}: generated and serving ${rowsGenerated} rows (seed ${seed}) in ${Date.now() - started} ms`);

    // Floors first, each in a browser of its own, so their IndexedDB work cannot slow the app.
    const baselines = await measureBaselines(served, join(workDir, 'baselines'));
    const { pagedLists: pagedFloor, bulkCache: cacheFloor } = baselines;
    log(`floors (cold/warm): paged lists ${pagedFloor.coldMs}/${pagedFloor.warmMs} ms in ${pagedFloor.requests} requests, bulk cache ${cacheFloor.coldMs}/${cacheFloor.warmMs} ms; naive ${baselines.naiveMs} ms`);

    const syncsLongest: LongestTasks[] = [];
    let harness = await launchBenchApp(served, join(workDir, 'app-bulk-cache'), { path: 'bulk-cache' });
    let bulkCache: FirstLoadFigures;
    let firstSearchAfterBulkCacheMs: number;
    try {
      const load = await measureFirstLoad(harness.page, fake, 'bulk-cache', cacheFloor);
      bulkCache = load.figures;
      syncsLongest.push(load.longest);
      firstSearchAfterBulkCacheMs = await firstSearch(harness.page, served.queries);
    } finally {
      await harness.close();
    }
    log(`first load from the bulk cache ${bulkCache.firstLoadMs} ms (${bulkCache.overFloor}x its floor); first search ${firstSearchAfterBulkCacheMs} ms`);

    const tracedFirstLoads = {
      bulkCache: await tracedFirstLoad(served, join(workDir, 'app-traced-bulk-cache'), 'bulk-cache'),
      pagedLists: await tracedFirstLoad(served, join(workDir, 'app-traced-paged-lists'), 'paged-lists'),
    };
    for (const [path, traced] of Object.entries(tracedFirstLoads)) {
      const worker = traced.tasks.storeWorker;
      log(`traced first load (${path}) ${traced.firstLoadMs} ms: worker's longest task ${worker.longestWallMs} ms (${worker.cpuOfLongestMs} ms of it on a core), most CPU in one task ${worker.longestCpuMs} ms; tasks of 50 ms or more: ${worker.over50WallMs.length}`);
    }

    const appDir = join(workDir, 'app');
    harness = await launchBenchApp(served, appDir, { path: 'paged-lists' });
    let pagedLists: FirstLoadFigures;
    let heapMB: number;
    let firstSearchAfterPagedListsMs: number;
    let heapAfterIndexMB: number;
    let resyncs: Awaited<ReturnType<typeof measureResyncs>>;
    let heapAtRestMB: number;
    let backgroundWorkAfterLoadMs: number;
    let queries: QueryFigures;
    let historyFigures: { history: HistoryFigures; queriesAfterHistory: QueryFigures } | null = null;
    try {
      const { page } = harness;
      const load = await measureFirstLoad(page, fake, 'paged-lists', pagedFloor);
      pagedLists = load.figures;
      syncsLongest.push(load.longest);
      log(`first load by paged lists ${pagedLists.firstLoadMs} ms (${pagedLists.overFloor}x its floor), longest task ${load.longest.pageMs} ms on the page, ${load.longest.workerMs} ms in the worker`);
      // Before the heap is read: its collections would give the index's warm-up time the user
      // typing at once does not give it.
      firstSearchAfterPagedListsMs = await firstSearch(page, served.queries);
      heapMB = await heapUsageMB(page);
      await buildEveryIndex(page, served.queries);
      heapAfterIndexMB = await heapUsageMB(page);
      // The resyncs measure a resync, not one sharing the worker and the disk with history
      // still recording the first load: that wait is its own figure.
      backgroundWorkAfterLoadMs = await timedQuery(page, 'backgroundWorkDone', {});
      log(`first search ${firstSearchAfterPagedListsMs} ms; heap ${heapMB} MB after the load, ${heapAfterIndexMB} MB with every index; background work left ${backgroundWorkAfterLoadMs} ms`);
      resyncs = await measureResyncs(page, fake, served.queries);
      syncsLongest.push(resyncs.longest.noChange, resyncs.longest.change);
      // Read where the bench already waits for the worker's own work: nothing measured later moves.
      heapAtRestMB = await heapUsageMB(page);
      log(`resyncs: no change ${resyncs.noChangeResyncMs} ms, ${CHANGED_ROWS} changed rows ${resyncs.changeResyncMs} ms, first query after ${resyncs.firstQueryAfterResyncMs} ms, background work left ${resyncs.backgroundWorkAfterResyncMs} ms; heap at rest ${heapAtRestMB} MB`);
      queries = await measureQueries(page, served.queries);
      log(`queries ${JSON.stringify({ ...queries, context: undefined })}`);
      if (history) {
        // The same seeded dataset, made here only now: held through the loads, its heap would
        // slow every garbage collection of the bench's side while the app is being measured.
        const figures = await measureHistory(harness, generateDataset({ seed, scale }), { seed, scale, workDir, log });
        log(`history ${JSON.stringify(figures)}`);
        const backgroundWorkAfterHistoryMs = await timedQuery(page, 'backgroundWorkDone', {});
        const queriesAfterHistory = await measureQueries(page, served.queries);
        queriesAfterHistory.context.backgroundWorkBeforeMs = backgroundWorkAfterHistoryMs;
        log(`queries after history ${JSON.stringify({ ...queriesAfterHistory, context: undefined })}`);
        historyFigures = { history: figures, queriesAfterHistory };
      }
    } finally {
      await harness.close();
    }

    // A cold start on the stored copy, paced as against PeeringDB itself from here on.
    const clock = new FastWaitClock(clockBuffer, PACED_SPEED_UP);
    harness = await launchBenchApp(served, appDir, { path: 'paged-lists', pacedOn: clock });
    let coldStart: ColdStart;
    let rows: Record<PdbType, number>;
    let indexBuildMs: number;
    let paced: Awaited<ReturnType<typeof measurePacedResync>>;
    try {
      const { page } = harness;
      coldStart = await coldStartMoments(page);
      rows = await storedRows(page);
      indexBuildMs = await firstDiscoveryQuery(page, served.queries);
      paced = await measurePacedResync(harness, fake, clock);
    } finally {
      await harness.close();
    }
    log(`cold start: first paint ${coldStart.firstPaintMs} ms, copy ready ${coldStart.copyReadyMs} ms, first discovery query ${indexBuildMs} ms; paced no-change resync ${paced.rateLimitedNoChangeResyncMs} ms in ${paced.requests} requests, ${paced.throttled} answered 429`);

    const worst = (pick: (l: LongestTasks) => number) => Math.max(...syncsLongest.map(pick));
    return {
      scale,
      rows,
      totalRows: Object.values(rows).reduce((a, b) => a + b, 0),
      rowsGenerated,
      bytes: cacheFloor.bytes,
      firstLoadMs: pagedLists.firstLoadMs,
      floorMs: cacheFloor.coldMs,
      naiveMs: baselines.naiveMs,
      firstLoadOverFloor: ratio(pagedLists.firstLoadMs, cacheFloor.coldMs),
      noChangeResyncMs: resyncs.noChangeResyncMs,
      changeResyncMs: resyncs.changeResyncMs,
      longestTaskMs: worst((l) => l.pageMs),
      heapMB,
      queries: { ...queries, indexBuildMs: resyncs.firstQueryAfterResyncMs, firstPaintMs: coldStart.firstPaintMs },
      floorSamePathMs: pagedLists.floorMs,
      firstLoadOverFloorSamePath: pagedLists.overFloor,
      firstSearchMs: Math.max(firstSearchAfterBulkCacheMs, firstSearchAfterPagedListsMs),
      indexBuildMs,
      copyReadyMs: coldStart.copyReadyMs,
      heapAfterIndexMB,
      workerLongestTaskMs: worst((l) => l.workerMs),
      rateLimitedNoChangeResyncMs: paced.rateLimitedNoChangeResyncMs,
      firstQueryAfterResyncMs: resyncs.firstQueryAfterResyncMs,
      backgroundWorkAfterResyncMs: resyncs.backgroundWorkAfterResyncMs,
      firstLoadPaths: { pagedLists, bulkCache },
      ...(historyFigures ? { ...historyFigures.history, queriesAfterHistory: historyFigures.queriesAfterHistory } : {}),
      context: {
        firstSearchAfterLoadMs: { bulkCache: firstSearchAfterBulkCacheMs, pagedLists: firstSearchAfterPagedListsMs },
        firstSearchAfterResyncMs: resyncs.firstSearchAfterResyncMs,
        heapAtRestMB,
        backgroundWorkAfterLoadMs,
        longestTasks: {
          firstLoadBulkCache: syncsLongest[0],
          firstLoadPagedLists: syncsLongest[1],
          noChangeResync: resyncs.longest.noChange,
          changeResync: resyncs.longest.change,
        },
        pacedResync: { requests: paced.requests, answered429: paced.throttled, speedUp: PACED_SPEED_UP },
        tracedFirstLoads,
      },
    };
  } finally {
    await fake.stop();
  }
}

/**
 * One more first load by `path`, into an empty copy, under a Chromium trace: what the store
 * worker's and the page's tasks cost in wall time and in CPU (see task-trace.ts).
 */
async function tracedFirstLoad(served: FakeReady, userDataDir: string, path: FirstLoadPath): Promise<{ firstLoadMs: number; tasks: TracedTasks }> {
  const harness = await launchBenchApp(served, userDataDir, { path });
  try {
    const { result: firstLoadMs, tasks } = await traceTasks(harness.page, () => timedSync(harness.page));
    return { firstLoadMs, tasks };
  } finally {
    await harness.close();
  }
}
