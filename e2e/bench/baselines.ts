/**
 * The yardsticks a first load is judged against, on the same requests the app makes: the floor
 * fetches what the app fetches (the bulk cache's files, or the API's pages exactly as the app
 * pages them), parses each answer once and writes it to IndexedDB as a few large records, the
 * least any store of these bytes can do, in a worker of the page's origin where no debugger
 * watches (see loadInWorker). Each floor runs cold (a fresh browser) and then warm (the same
 * worker again). The naive load (one plain Dexie bulkPut per type on the page thread)
 * is kept only as a note: how far the app is from the obvious way, not a bound.
 */
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { PDB_TYPES, type PdbType } from '../../src/shared/peeringdb';
import { DEFAULT_TUNING } from '../../src/main/sync/tuning';
import { launchChromium } from '../harness/chromium';
import type { FakeReady } from './fake-in-worker';

export interface FloorFigures {
  coldMs: number;
  warmMs: number;
  requests: number;
  bytes: number;
  /** Path and query of every request, in order: the bench checks the app made the same ones. */
  urls: string[];
}

export interface Baselines {
  pagedLists: FloorFigures;
  bulkCache: FloorFigures;
  naiveMs: number;
}

/** Records per bulk cache file for the floor: a handful of large records, as a chunked store would write. */
const RECORDS_PER_FILE = 4;

interface FloorPlan {
  kind: 'paged-lists' | 'bulk-cache';
  types: PdbType[];
  apiBase: string;
  cacheBase: string;
  pageSize: number;
  step: number;
  recordsPerFile: number;
  database: string;
}

interface FloorRun {
  ms: number;
  bytes: number;
  urls: string[];
}

/** Runs in the floor's worker: one floor load, timed from the first request to the last commit. */
async function floorLoad(plan: FloorPlan): Promise<FloorRun> {
  const open = indexedDB.open(plan.database, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('records');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const urls: string[] = [];
  let bytes = 0;
  const write = async (entries: [string, unknown][]): Promise<void> => {
    const tx = db.transaction('records', 'readwrite');
    for (const [key, value] of entries) tx.objectStore('records').put(value, key);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  };
  const read = async (url: string): Promise<{ text: string; rows: number }> => {
    urls.push(url.slice(location.origin.length));
    const text = await (await fetch(url)).text();
    bytes += text.length;
    return { text, rows: (JSON.parse(text) as { data: unknown[] }).data.length };
  };
  const t0 = performance.now();
  for (const type of plan.types) {
    if (plan.kind === 'bulk-cache') {
      const { text, rows } = await read(`${plan.cacheBase}/${type}-0.json`);
      const step = Math.ceil(text.length / plan.recordsPerFile);
      const entries: [string, unknown][] = [[`${type}:count`, rows]];
      for (let i = 0; i * step < text.length; i++) entries.push([`${type}:${i}`, text.slice(i * step, (i + 1) * step)]);
      await write(entries);
      continue;
    }
    // The app's page loop (src/main/sync/page-loop.ts): the same queries, the same end (an
    // empty page, or one that ignored the limit).
    for (let skip = 0; ; skip += plan.step) {
      const { text, rows } = await read(`${plan.apiBase}/${type}?since=1&depth=0&limit=${plan.pageSize}&skip=${skip}`);
      if (rows === 0) break;
      await write([[`${type}:${skip}`, text]]);
      if (rows > plan.pageSize) break;
    }
  }
  const ms = performance.now() - t0;
  db.close();
  return { ms, bytes, urls };
}

/**
 * Runs floorLoad in a shared worker of the page's origin, the same worker for every run of the
 * page (so the second is warm). Not on the page, nor in a dedicated worker: Playwright watches
 * the network of both (an event for every chunk of a download, and the body kept for the
 * debugger), which neither the app's main process nor the harness's relay of its pages (also a
 * shared worker) pays; the floor must not pay it either, or it would stand too high.
 */
async function loadInWorker(page: Page, plan: FloorPlan): Promise<FloorRun> {
  const outcome = await page.evaluate(
    ({ source, plan }) => {
      const holder = window as unknown as { __floorWorker?: SharedWorker };
      if (!holder.__floorWorker) {
        // esbuild's name helper, which the compiled floorLoad calls, and a port per connection.
        const script = `const __name = (fn) => fn;\nconst floorLoad = ${source};\nonconnect = ({ ports: [port] }) => {\n  port.onmessage = ({ data }) => floorLoad(data).then((run) => port.postMessage({ run }), (error) => port.postMessage({ error: String(error) }));\n};`;
        holder.__floorWorker = new SharedWorker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
        holder.__floorWorker.port.start();
      }
      const { port } = holder.__floorWorker;
      return new Promise<{ run?: FloorRun; error?: string }>((resolve) => {
        port.onmessage = (event: MessageEvent<{ run?: FloorRun; error?: string }>) => resolve(event.data);
        port.postMessage(plan);
      });
    },
    { source: floorLoad.toString(), plan },
  );
  if (!outcome.run) throw new Error(`The floor's load failed: ${outcome.error ?? 'no reason given'}`);
  return outcome.run;
}

async function measureFloor(fake: FakeReady, kind: FloorPlan['kind'], profileDir: string): Promise<FloorFigures> {
  const context = await launchChromium(profileDir);
  try {
    const page = await context.newPage();
    // A page of the fake server's own origin, so its API and cache are same-origin.
    await page.goto(`${fake.url}/cache/org-0.json`);
    const plan = (database: string): FloorPlan => ({
      kind,
      types: [...PDB_TYPES],
      apiBase: fake.apiUrl,
      cacheBase: fake.cacheUrl,
      pageSize: DEFAULT_TUNING.pageSize,
      step: DEFAULT_TUNING.pageSize - DEFAULT_TUNING.pageOverlap,
      recordsPerFile: RECORDS_PER_FILE,
      database,
    });
    const cold = await loadInWorker(page, plan('floor-cold'));
    const warm = await loadInWorker(page, plan('floor-warm'));
    return { coldMs: Math.round(cold.ms), warmMs: Math.round(warm.ms), requests: cold.urls.length, bytes: cold.bytes, urls: cold.urls };
  } finally {
    await context.close();
  }
}

async function measureNaive(fake: FakeReady, profileDir: string): Promise<number> {
  const context = await launchChromium(profileDir);
  try {
    const page = await context.newPage();
    await page.goto(`${fake.url}/cache/org-0.json`);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('dexie/dist/dexie.js') });
    const urls = PDB_TYPES.map((type) => ({ type, url: `${fake.cacheUrl}/${type}-0.json` }));
    const ms = await page.evaluate(async ({ urls }) => {
      type DexieCtor = new (name: string) => {
        version(n: number): { stores(schema: Record<string, string>): void };
        open(): Promise<unknown>;
        table(name: string): { bulkPut(rows: unknown[]): Promise<unknown> };
        close(): void;
      };
      const Dexie = (window as unknown as { Dexie: DexieCtor }).Dexie;
      const db = new Dexie('bench-naive');
      db.version(1).stores(Object.fromEntries(urls.map(({ type }) => [type, 'id'])));
      await db.open();
      const t0 = performance.now();
      for (const { type, url } of urls) {
        const rows = ((await (await fetch(url)).json()) as { data: unknown[] }).data;
        await db.table(type).bulkPut(rows);
      }
      const elapsed = performance.now() - t0;
      db.close();
      return elapsed;
    }, { urls });
    return Math.round(ms);
  } finally {
    await context.close();
  }
}

/** Each floor in a browser of its own, so neither its IndexedDB work nor its heap can slow another. */
export async function measureBaselines(fake: FakeReady, workDir: string): Promise<Baselines> {
  const pagedLists = await measureFloor(fake, 'paged-lists', join(workDir, 'floor-paged'));
  const bulkCache = await measureFloor(fake, 'bulk-cache', join(workDir, 'floor-cache'));
  const naiveMs = await measureNaive(fake, join(workDir, 'naive'));
  return { pagedLists, bulkCache, naiveMs };
}
