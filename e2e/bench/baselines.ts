/**
 * The two yardsticks the first load is judged against, measured on the same bytes in the same
 * run: the floor (fetch, parse, write the bytes as a few large blobs) and the naive load
 * (fetch, parse, one plain Dexie bulkPut per type on the page thread).
 */
import type { BrowserContext } from '@playwright/test';
import { PDB_TYPES } from '../../src/shared/peeringdb';

export interface Baselines {
  floorMs: number;
  naiveMs: number;
  bytes: number;
}

/** Blobs per type for the floor: a handful of large records, as a chunked store would write. */
const BLOBS_PER_TYPE = 4;

export async function measureBaselines(
  context: BrowserContext,
  fake: { cacheUrl: string },
  dexieUmdPath: string,
): Promise<Baselines> {
  const page = await context.newPage();
  // A page of the fake server's own origin, so fetching its public cache is same-origin.
  await page.goto(`${fake.cacheUrl}/org-0.json`);
  await page.addScriptTag({ path: dexieUmdPath });
  const urls = PDB_TYPES.map((type) => ({ type, url: `${fake.cacheUrl}/${type}-0.json` }));

  const floor = await page.evaluate(
    async ({ urls, blobsPerType }) => {
      const open = indexedDB.open('bench-floor', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('blobs');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const t0 = performance.now();
      let bytes = 0;
      for (const { type, url } of urls) {
        const text = await (await fetch(url)).text();
        bytes += text.length;
        const rows = (JSON.parse(text) as { data: unknown[] }).data;
        const step = Math.ceil(text.length / blobsPerType);
        const tx = db.transaction('blobs', 'readwrite');
        for (let i = 0; i * step < text.length; i++) {
          tx.objectStore('blobs').put(text.slice(i * step, (i + 1) * step), `${type}:${i}`);
        }
        tx.objectStore('blobs').put(rows.length, `${type}:count`);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      const ms = performance.now() - t0;
      db.close();
      return { ms, bytes };
    },
    { urls, blobsPerType: BLOBS_PER_TYPE },
  );

  const naiveMs = await page.evaluate(async ({ urls }) => {
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
    const ms = performance.now() - t0;
    db.close();
    return ms;
  }, { urls });

  await page.close();
  return { floorMs: Math.round(floor.ms), naiveMs: Math.round(naiveMs), bytes: floor.bytes };
}
