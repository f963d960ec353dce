/**
 * Discovery latencies as the UI sees them, once the indexes exist: each query goes from the
 * page to the store worker and back (structured clone included). What the first queries cost
 * while the indexes are built is measured apart (warm-up.ts). Each repeated query is asked a
 * few times first, unmeasured in the p95 and reported apart (`context.warmUpMs`): its first
 * answers run code the engine has not optimised yet, or caches of a choice just made (my
 * networks), which a user pays once, not at every question.
 */
import type { Page } from '@playwright/test';
// Declares window.__storeClient, which the page offers under automation.
import type {} from '../../src/renderer/src/ui/bridge/automation';
import type { QueryInputs } from './query-inputs';

const RUNS = 40;
const WARM_UP_RUNS = 5;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!.toFixed(2));
}

export interface QueryFigures {
  commonIxp5: number;
  peersLargestIx: number;
  peersAllMyIxps: number;
  peersAllMyIxpsHeaviest: number;
  search: number;
  context: Record<string, unknown>;
}

export async function measureQueries(page: Page, inputs: QueryInputs): Promise<QueryFigures> {
  // tsx compiles with keepNames, which wraps named functions in a `__name` helper that the
  // page does not have; give it a no-op one before evaluating code from this file.
  await page.evaluate('window.__name = (fn) => fn');
  const figures = await page.evaluate(
    async ({ five, ix, me, heaviest, typed, runs, warmUpRuns }) => {
      const store = window.__storeClient;
      if (!store) throw new Error('The page did not offer its store client (navigator.webdriver unset?)');
      const time = async (run: () => Promise<unknown>): Promise<number> => {
        const t0 = performance.now();
        await run();
        return performance.now() - t0;
      };
      const warmUp: Record<string, number[]> = {};
      const repeat = async (name: string, run: () => Promise<unknown>): Promise<number[]> => {
        warmUp[name] = [];
        for (let i = 0; i < warmUpRuns; i++) warmUp[name].push(Number((await time(run)).toFixed(1)));
        const samples: number[] = [];
        for (let i = 0; i < runs; i++) samples.push(await time(run));
        return samples;
      };
      const commonIxp5 = await repeat('commonIxp5', () => store.query('compareNetworks', { asns: five }));
      const allFilters = {
        policies: ['Open', 'Selective', 'Restrictive'],
        infoTypes: ['NSP', 'Content', 'Cable/DSL/ISP', 'Enterprise', 'Network Services'],
        trafficMin: '100-1000Mbps',
        scopes: ['Global', 'Regional', 'Europe', 'North America', 'Asia Pacific'],
        ratios: ['Balanced', 'Mostly Inbound', 'Mostly Outbound', 'Heavy Inbound', 'Heavy Outbound'],
        region: ix.region,
        country: ix.country,
        rsPeer: 'yes' as const,
        ipv4: true,
        ipv6: true,
        minSpeed: 1000,
        text: 'e',
      };
      const peersLargestIx = await repeat('peersLargestIx', () =>
        store.query('findPeers', { place: { kind: 'ix', ixId: ix.ixId }, filters: allFilters } as never),
      );
      await store.command('setMyNetworks', { asns: [me] });
      const peersAllMyIxps = await repeat('peersAllMyIxps', () => store.query('findPeers', { place: { kind: 'my-ixs' } }));
      const fiftyPlusRows = ((await store.query('findPeers', { place: { kind: 'my-ixs' } })) as { rows: unknown[] }).rows.length;
      await store.command('setMyNetworks', { asns: [heaviest] });
      const peersAllMyIxpsHeaviest = await repeat('peersAllMyIxpsHeaviest', () => store.query('findPeers', { place: { kind: 'my-ixs' } }));
      const heaviestRows = ((await store.query('findPeers', { place: { kind: 'my-ixs' } })) as { rows: unknown[] }).rows.length;
      const search: number[] = [];
      for (const query of typed) search.push(await time(() => store.query('searchEverything', { query, limit: 50 })));
      const sizes = {
        peersLargestIxRows: ((await store.query('findPeers', { place: { kind: 'ix', ixId: ix.ixId } })) as { rows: unknown[] }).rows.length,
        peersAllMyIxpsRows: fiftyPlusRows,
        peersAllMyIxpsHeaviestRows: heaviestRows,
      };
      await store.command('setMyNetworks', { asns: [] });
      return { commonIxp5, peersLargestIx, peersAllMyIxps, peersAllMyIxpsHeaviest, search, sizes, warmUp };
    },
    {
      five: inputs.compareAsns,
      ix: inputs.largestIx,
      me: inputs.fiftyPlus.asn,
      heaviest: inputs.heaviest.asn,
      typed: inputs.keystrokes,
      runs: RUNS,
      warmUpRuns: WARM_UP_RUNS,
    },
  );

  return {
    commonIxp5: p95(figures.commonIxp5),
    peersLargestIx: p95(figures.peersLargestIx),
    peersAllMyIxps: p95(figures.peersAllMyIxps),
    peersAllMyIxpsHeaviest: p95(figures.peersAllMyIxpsHeaviest),
    search: p95(figures.search),
    context: {
      runs: RUNS,
      warmUpMs: figures.warmUp,
      keystrokes: inputs.keystrokes.length,
      compareNetworks: inputs.compareAsns.length,
      largestIx: { id: inputs.largestIx.ixId, members: inputs.largestIx.members },
      myNetworkIxCount: inputs.fiftyPlus.ixCount,
      heaviestNetworkIxCount: inputs.heaviest.ixCount,
      ...figures.sizes,
    },
  };
}
