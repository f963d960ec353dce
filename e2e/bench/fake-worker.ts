/**
 * The bench's fake PeeringDB, in a worker thread of its own: in use the server is another
 * machine, so neither its work (slicing lists, writing JSON) nor its dataset, a heap the
 * garbage collector would walk again and again, may share the thread of the main-side sync
 * being measured. It generates the seeded dataset and makes the bench's between-sync changes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PDB_TYPES, type PdbType } from '../../src/shared/peeringdb';
import type { PdbDump } from '../../tools/fake-peeringdb/dump';
import { generateDataset } from '../../tools/fake-peeringdb/generator';
import { startFakePeeringDb } from '../../tools/fake-peeringdb/server';

export interface FakeWorkerData {
  seed: number;
  scale: number;
}

export type ToFakeWorker =
  /** Advance the clock a minute and change `count` rows. */
  | { kind: 'change'; count: number }
  | { kind: 'stop' };

export type FromFakeWorker =
  | { kind: 'ready'; apiUrl: string; cacheUrl: string; rows: Record<PdbType, number> }
  | { kind: 'changed'; count: number }
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
  const { seed, scale } = workerData as FakeWorkerData;
  const data = generateDataset({ seed, scale });
  const rows = Object.fromEntries(PDB_TYPES.map((type) => [type, data[type]?.data.length ?? 0])) as Record<PdbType, number>;
  const fake = await startFakePeeringDb({ data });
  port.on('message', (message: ToFakeWorker) => {
    try {
      if (message.kind === 'change') {
        fake.tick(60);
        const picked = rowsToChange(data, message.count);
        picked.forEach(({ type, id }, n) => fake.update(type, id, { notes: `Changed in the benchmark (${n})` } as never));
        post({ kind: 'changed', count: picked.length });
      } else {
        void fake.stop().then(() => {
          post({ kind: 'stopped' });
          port.close();
        });
      }
    } catch (error) {
      post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
  post({ kind: 'ready', apiUrl: fake.apiUrl, cacheUrl: fake.cacheUrl, rows });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
