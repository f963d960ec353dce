/**
 * The bench's fake PeeringDB, in a worker thread of its own: in use the server is another
 * machine, so neither its work (slicing lists, writing JSON) nor its dataset, a heap the
 * garbage collector would walk again and again, may share the thread of the main-side sync
 * being measured. It generates the seeded dataset, chooses what the bench asks of the app, makes
 * the between-sync changes, enforces PeeringDB's limits when asked, and tells what it was asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PDB_TYPES, type PdbType } from '../../src/shared/peeringdb';
import type { PdbDump } from '../../tools/fake-peeringdb/dump';
import { generateDataset } from '../../tools/fake-peeringdb/generator';
import { PEERINGDB_PUBLISHED_LIMITS } from '../../tools/fake-peeringdb/rate-limit';
import { startFakePeeringDb } from '../../tools/fake-peeringdb/server';
import { fastWaitTime } from './fast-wait-clock';
import { chooseQueryInputs, type QueryInputs } from './query-inputs';

export interface FakeWorkerData {
  seed: number;
  scale: number;
  /** The bench's fast-wait clock, which the limiter counts on. */
  clockBuffer: SharedArrayBuffer;
}

export type ToFakeWorker =
  /** Advance the clock a minute and change `count` rows. */
  | { kind: 'change'; count: number }
  /** Enforce PeeringDB's published limits with 429s, or stop. */
  | { kind: 'limit-rate'; on: boolean }
  /** The requests received since the last time this was asked. */
  | { kind: 'requests' }
  | { kind: 'stop' };

export interface ReceivedRequests {
  /** Path and query of each request, in order. */
  urls: string[];
  /** How many the limiter answered with 429. */
  throttled: number;
}

export type FromFakeWorker =
  | { kind: 'ready'; apiUrl: string; cacheUrl: string; url: string; rows: Record<PdbType, number>; queries: QueryInputs }
  | { kind: 'changed'; count: number }
  | { kind: 'rate-limited'; on: boolean }
  | ({ kind: 'requests' } & ReceivedRequests)
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };

/** `count` rows spread over the types, as a day of PeeringDB edits would change. */
function rowsToChange(data: PdbDump, count: number): { type: PdbType; id: number }[] {
  const plan: [PdbType, number][] = [
    ['net', 0.3],
    ['netixlan', 0.3],
    ['netfac', 0.2],
    ['poc', 0.1],
    ['org', 0.1],
  ];
  const picked: { type: PdbType; id: number }[] = [];
  for (const [type, share] of plan) {
    const ids = (data[type]?.data ?? []).map((row) => row.id);
    const wanted = Math.round(count * share);
    // A fixed stride keeps the choice deterministic and spread over the id range.
    const stride = Math.max(1, Math.floor(ids.length / wanted));
    for (let i = 0, n = 0; n < wanted && i < ids.length; i += stride, n++) picked.push({ type, id: ids[i]! });
  }
  return picked;
}

const port = parentPort;
if (!port) throw new Error('fake-worker.ts runs only as a worker thread');
const post = (message: FromFakeWorker) => port.postMessage(message);

try {
  const { seed, scale, clockBuffer } = workerData as FakeWorkerData;
  const data = generateDataset({ seed, scale });
  const rows = Object.fromEntries(PDB_TYPES.map((type) => [type, data[type]?.data.length ?? 0])) as Record<PdbType, number>;
  const queries = chooseQueryInputs(data);
  const fake = await startFakePeeringDb({ data });
  // The bulk cache is rendered once per snapshot; render it now, so no first reader pays for it.
  for (const type of PDB_TYPES) await (await fetch(`${fake.cacheUrl}/${type}-0.json`)).arrayBuffer();
  let reported = fake.requests.length;
  port.on('message', (message: ToFakeWorker) => {
    try {
      switch (message.kind) {
        case 'change': {
          fake.tick(60);
          const picked = rowsToChange(data, message.count);
          picked.forEach(({ type, id }, n) => fake.update(type, id, { notes: `Changed in the benchmark (${n})` } as never));
          post({ kind: 'changed', count: picked.length });
          return;
        }
        case 'limit-rate':
          fake.limitRate(
            message.on ? { ...PEERINGDB_PUBLISHED_LIMITS, now: fastWaitTime(clockBuffer) } : null,
          );
          post({ kind: 'rate-limited', on: message.on });
          return;
        case 'requests': {
          const received = fake.requests.slice(reported);
          reported = fake.requests.length;
          post({ kind: 'requests', urls: received.map((r) => r.url), throttled: received.filter((r) => r.throttled).length });
          return;
        }
        case 'stop':
          void fake.stop().then(() => {
            post({ kind: 'stopped' });
            port.close();
          });
          return;
      }
    } catch (error) {
      post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
  post({ kind: 'ready', apiUrl: fake.apiUrl, cacheUrl: fake.cacheUrl, url: fake.url, rows, queries });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
