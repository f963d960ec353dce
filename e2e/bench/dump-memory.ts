/**
 * `npm run bench:dump-memory`: how much memory main needs to import a large dump file. Writes
 * a dump of DUMP_MB megabytes (default 1024) built from the seeded full-size dataset repeated
 * under new ids, then, in a fresh process, imports it through the app's sync controller into a
 * store that acknowledges each page at once (the store worker lives in the renderer; what is
 * measured here is main's side: reading, parsing, checking and sending). Prints one JSON object:
 * the file's size, rows, time, and the peak resident memory over the idle process before it.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { generateDataset } from '../../tools/fake-peeringdb/generator';
import { PDB_TYPES } from '../../src/shared/peeringdb';
import type { MainToStore, StoreToMain, SyncProgress } from '../../src/shared/sync';
import { createSyncController } from '../../src/main/sync/controller';
import type { StoreLink } from '../../src/main/sync/sync-types';

const SELF = fileURLToPath(import.meta.url);

async function writeDump(path: string, megabytes: number): Promise<void> {
  const dump = generateDataset({ seed: 7 });
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const target = megabytes * 1024 * 1024;
  const oneCopy = PDB_TYPES.reduce((sum, type) => sum + JSON.stringify(dump[type].data).length, 0);
  const copies = Math.max(1, Math.round(target / oneCopy));
  await write('{');
  for (const [t, type] of PDB_TYPES.entries()) {
    await write(`${t > 0 ? ',' : ''}"${type}":{"data":[`);
    let first = true;
    for (let copy = 0; copy < copies; copy++) {
      for (const row of dump[type].data as unknown as Record<string, unknown>[]) {
        const shifted = { ...row, id: (row.id as number) + copy * 10_000_000 };
        await write(`${first ? '' : ','}${JSON.stringify(shifted)}`);
        first = false;
      }
    }
    await write('],"meta":{}}');
  }
  await write('}');
  out.end();
  await once(out, 'finish');
}

/** A store that takes every page and swap at once and keeps nothing. */
function acceptingStoreLink(): StoreLink {
  let listener: ((message: StoreToMain) => void) | null = null;
  return {
    send(message: MainToStore) {
      let reply: StoreToMain | null = null;
      if (message.t === 'state?') reply = { t: 'state', state: { watermarks: {}, pocWithKey: false } };
      if (message.t === 'page') reply = { t: 'ack', seq: message.seq, stored: message.fetchedRows };
      if (message.t === 'swap') reply = { t: 'ack', seq: message.seq, stored: 0 };
      if (reply) setImmediate(() => listener?.(reply));
    },
    onMessage: (l) => void (listener = l),
    onClose: () => undefined,
    close: () => undefined,
  };
}

async function measure(path: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const idleRss = process.memoryUsage().rss;
  let peakRss = idleRss;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 10);
  let last: SyncProgress | null = null;
  const controller = createSyncController({
    openStoreLink: () => acceptingStoreLink(),
    emitProgress: (progress) => (last = progress),
    getConfig: () => ({ baseUrl: 'http://127.0.0.1:9/api', apiKey: null, cacheUrl: null }),
    fetch,
  });
  const started = Date.now();
  controller.importDump(path);
  await controller.idle();
  clearInterval(sampler);
  const end = last as SyncProgress | null;
  const MB = 1024 * 1024;
  process.stdout.write(
    `${JSON.stringify({
      fileMB: Math.round(statSync(path).size / MB),
      phase: end?.phase,
      message: end?.message,
      rows: end?.fetchedRows,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      idleRssMB: Math.round(idleRss / MB),
      peakRssOverIdleMB: Math.round((peakRss - idleRss) / MB),
      peakHeapMB: Math.round(peakHeap / MB),
    })}\n`,
  );
}

async function main(): Promise<void> {
  const [mode, path] = process.argv.slice(2);
  if (mode === '--write' && path) return writeDump(path, Number(process.env.DUMP_MB ?? 1024));
  if (mode === '--measure' && path) return measure(path);
  const dir = mkdtempSync(join(tmpdir(), 'pdb-dump-memory-'));
  const file = join(dir, 'peeringdb_2_dump_2026_12_01.json');
  try {
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
      if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
    };
    process.stderr.write(`[dump-memory] writing ${process.env.DUMP_MB ?? 1024} MB to ${file}\n`);
    run(['--import', 'tsx', SELF, '--write', file]);
    process.stderr.write('[dump-memory] importing it in a fresh process\n');
    run(['--expose-gc', '--import', 'tsx', SELF, '--measure', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
