/**
 * `npm run bench`: the app's own store path on a full-size, seeded PeeringDB copy served by the
 * fake server on loopback, measured in headless Chromium through the harness (the real main-side
 * sync controller, the real renderer and store worker). Prints progress lines, then one JSON
 * object as the last line.
 *
 * Baselines measured in the same run, in a page of their own: `floorMs` (fetch the same bytes,
 * parse them and write them to IndexedDB as large blobs) and `naiveMs` (fetch, parse and one
 * plain Dexie bulkPut per type on the page thread).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { PDB_TYPES, type PdbType } from '../../src/shared/peeringdb';
import { generateDataset } from '../fake-peeringdb/generator';
import { startFakePeeringDb, type FakePeeringDb } from '../fake-peeringdb/server';
import { launchChromium } from '../harness/chromium';
import { launchHarness, REPO_ROOT, type Harness } from '../harness/harness';
import { measureBaselines } from './baselines';
import { measureQueries } from './queries';
import { heapUsageMB, startMainThreadProbe } from './probes';
import { appEventMark, waitForAppEvent } from './events';
import type { PdbDump } from '../fake-peeringdb/dump';

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

/** Change `count` rows spread over the types, as a day of PeeringDB edits would. */
function changeRows(fake: FakePeeringDb, data: PdbDump, count: number): void {
  fake.tick(60);
  const plan: [PdbType, number][] = [
    ['net', 0.3],
    ['netixlan', 0.3],
    ['netfac', 0.2],
    ['poc', 0.1],
    ['org', 0.1],
  ];
  let changed = 0;
  for (const [type, share] of plan) {
    const ids = (data[type]?.data ?? []).map((row) => row.id);
    const wanted = Math.round(count * share);
    // A fixed stride keeps the choice deterministic and spread over the id range.
    const stride = Math.max(1, Math.floor(ids.length / wanted));
    for (let i = 0, n = 0; n < wanted && i < ids.length; i += stride, n++) {
      fake.update(type, ids[i]!, { notes: `Changed in the benchmark (${n})` } as never);
      changed++;
    }
  }
  log(`changed ${changed} rows`);
}

async function main(): Promise<void> {
  const t = Date.now();
  const data = generateDataset({ seed: SEED, scale: SCALE });
  const rowCounts = Object.fromEntries(PDB_TYPES.map((type) => [type, data[type]?.data.length ?? 0]));
  const totalRows = Object.values(rowCounts).reduce((a, b) => a + b, 0);
  log(`generated ${totalRows} rows (scale ${SCALE}, seed ${SEED}) in ${Date.now() - t} ms`);

  const fake = await startFakePeeringDb({ data });
  const workDir = mkdtempSync(join(tmpdir(), 'peering-assistant-bench-'));
  let harness: Harness | null = null;
  try {
    // Baselines first, in a browser of their own, so their IndexedDB work cannot slow the app.
    const baselineContext = await launchChromium(join(workDir, 'baseline-profile'));
    const require = createRequire(import.meta.url);
    const baselines = await measureBaselines(baselineContext, fake, require.resolve('dexie/dist/dexie.js'));
    await baselineContext.close();
    log(`floor ${baselines.floorMs} ms, naive ${baselines.naiveMs} ms, ${baselines.bytes} bytes`);

    harness = await launchHarness({ env: { PEERINGDB_URL: fake.apiUrl }, userDataDir: join(workDir, 'app') });
    await waitForAppEvent(harness.page, 'ready', 0);

    const probe = await startMainThreadProbe(harness.page);
    const firstLoadMs = await timedSync(harness);
    const longestTaskMs = await probe.stop();
    log(`first load ${firstLoadMs} ms, longest main-thread task ${longestTaskMs} ms`);

    const heapMB = await heapUsageMB(harness.page);
    log(`renderer heap ${heapMB} MB`);

    const noChangeResyncMs = await timedSync(harness);
    log(`no-change resync ${noChangeResyncMs} ms`);

    changeRows(fake, data, CHANGED_ROWS);
    const changeResyncMs = await timedSync(harness);
    log(`resync of ${CHANGED_ROWS} changed rows ${changeResyncMs} ms`);

    const queries = await measureQueries(harness.page, data);
    log(`queries ${JSON.stringify(queries)}`);

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
