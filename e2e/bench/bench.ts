/**
 * `npm run bench`: the app's own store path on a full-size, seeded PeeringDB copy served by the
 * fake server on loopback, measured in headless Chromium through the harness (the real main-side
 * sync controller, the real renderer and store worker). The server runs in a worker thread of
 * its own, as another machine would. Prints progress lines, then one JSON object as the last
 * line.
 *
 * History (./history.ts): 30 generated daily dumps imported for history, with the time per dump,
 * the storage it takes projected to a year, and the discovery latencies measured again after it.
 *
 * Baselines measured in the same run, in a page of their own: `floorMs` (fetch the same bytes,
 * parse them and write them to IndexedDB as large blobs) and `naiveMs` (fetch, parse and one
 * plain Dexie bulkPut per type on the page thread).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { generateDataset } from '../../tools/fake-peeringdb/generator';
import type { FakeWorkerData, FromFakeWorker, ToFakeWorker } from './fake-worker';
import { launchChromium } from '../harness/chromium';
import { launchHarness, REPO_ROOT, type Harness } from '../harness/harness';
import { measureBaselines } from './baselines';
import { measureQueries } from './queries';
import { heapUsageMB, startMainThreadProbe } from './probes';
import { appEventMark, waitForAppEvent } from './events';
import { measureHistory } from './history';

const SEED = Number(process.env.BENCH_SEED ?? 7);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CHANGED_ROWS = 2000;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function timedSync(harness: Harness): Promise<number> {
  const { page } = harness;
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

/** The fake PeeringDB in its worker thread (see fake-worker.ts), driven by messages. */
class FakeInWorker {
  private readonly worker: Worker;
  private replies: FromFakeWorker[] = [];
  private waiting: ((reply: FromFakeWorker) => void) | null = null;
  private failure: Error | null = null;

  constructor(data: FakeWorkerData) {
    // The worker loads its TypeScript through tsx, as the bench itself is loaded.
    const entry = new URL('./fake-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    this.worker = new Worker(boot, { eval: true, workerData: data });
    this.worker.on('message', (reply: FromFakeWorker) => this.deliver(reply));
    this.worker.on('error', (error) => this.deliver({ kind: 'failed', message: error.message }));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.deliver({ kind: 'failed', message: `the fake server's worker exited with ${code}` });
    });
  }

  private deliver(reply: FromFakeWorker): void {
    if (reply.kind === 'failed') this.failure ??= new Error(`Fake PeeringDB: ${reply.message}`);
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(reply);
    } else {
      this.replies.push(reply);
    }
  }

  async next<K extends FromFakeWorker['kind']>(kind: K): Promise<Extract<FromFakeWorker, { kind: K }>> {
    const reply = this.replies.shift() ?? (await new Promise<FromFakeWorker>((resolve) => (this.waiting = resolve)));
    if (reply.kind !== kind) throw this.failure ?? new Error(`Fake PeeringDB answered ${reply.kind}, not ${kind}`);
    return reply as Extract<FromFakeWorker, { kind: K }>;
  }

  send(message: ToFakeWorker): void {
    this.worker.postMessage(message);
  }

  async stop(): Promise<void> {
    if (this.failure) {
      await this.worker.terminate();
      return;
    }
    this.send({ kind: 'stop' });
    await this.next('stopped');
  }
}

/** Changes `count` rows on the server, as a day of PeeringDB edits would. */
async function changeRows(fake: FakeInWorker, count: number): Promise<void> {
  fake.send({ kind: 'change', count });
  const { count: changed } = await fake.next('changed');
  log(`changed ${changed} rows`);
}

async function main(): Promise<void> {
  const t = Date.now();
  const fake = new FakeInWorker({ seed: SEED, scale: SCALE });
  const workDir = mkdtempSync(join(tmpdir(), 'peering-assistant-bench-'));
  let harness: Harness | null = null;
  try {
    // Baselines first, in a browser of their own, so their IndexedDB work cannot slow the app.
    const served = await fake.next('ready');
    const rowCounts = served.rows;
    const totalRows = Object.values(rowCounts).reduce((a, b) => a + b, 0);
    log(`generated and serving ${totalRows} rows (scale ${SCALE}, seed ${SEED}) in ${Date.now() - t} ms`);
    const baselineContext = await launchChromium(join(workDir, 'baseline-profile'));
    const require = createRequire(import.meta.url);
    const baselines = await measureBaselines(baselineContext, served, require.resolve('dexie/dist/dexie.js'));
    await baselineContext.close();
    log(`floor ${baselines.floorMs} ms, naive ${baselines.naiveMs} ms, ${baselines.bytes} bytes`);

    harness = await launchHarness({ env: { PEERINGDB_URL: served.apiUrl }, userDataDir: join(workDir, 'app') });
    await waitForAppEvent(harness.page, 'ready', 0);

    const probe = await startMainThreadProbe(harness.page);
    const firstLoadMs = await timedSync(harness);
    const longestTaskMs = await probe.stop();
    log(`first load ${firstLoadMs} ms, longest main-thread task ${longestTaskMs} ms`);

    const heapMB = await heapUsageMB(harness.page);
    log(`renderer heap ${heapMB} MB`);

    const noChangeResyncMs = await timedSync(harness);
    log(`no-change resync ${noChangeResyncMs} ms`);

    await changeRows(fake, CHANGED_ROWS);
    const changeResyncMs = await timedSync(harness);
    log(`resync of ${CHANGED_ROWS} changed rows ${changeResyncMs} ms`);

    // The same seeded dataset, made here only now: held through the loads, its heap would
    // slow every garbage collection of the main side being measured.
    const dataset = generateDataset({ seed: SEED, scale: SCALE });
    const queries = await measureQueries(harness.page, dataset);
    log(`queries ${JSON.stringify(queries)}`);

    // History: 30 daily dumps of past dates into the same app, then discovery asked again.
    const history = await measureHistory(harness, dataset, { seed: SEED, scale: SCALE, workDir, log });
    log(`history ${JSON.stringify(history)}`);
    const queriesAfterHistory = await measureQueries(harness.page, dataset);
    log(`queries after history ${JSON.stringify(queriesAfterHistory)}`);

    const result = {
      seed: SEED,
      scale: SCALE,
      rows: rowCounts,
      totalRows,
      bytes: baselines.bytes,
      firstLoadMs,
      floorMs: baselines.floorMs,
      naiveMs: baselines.naiveMs,
      firstLoadOverFloor: Number((firstLoadMs / baselines.floorMs).toFixed(2)),
      noChangeResyncMs,
      changeResyncMs,
      longestTaskMs,
      heapMB,
      queries,
      ...history,
      queriesAfterHistory,
      chromium: await harness.context.browser()?.version() ?? 'unknown',
      at: new Date().toISOString(),
    };
    const outDir = join(REPO_ROOT, 'bench-results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await harness?.close();
    await fake.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
