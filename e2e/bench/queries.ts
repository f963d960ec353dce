/**
 * Discovery latencies as the UI sees them, once the indexes exist: each query goes from the
 * page to the store worker and back (structured clone included). What the first queries cost
 * while the indexes are built is measured apart (warm-up.ts).
 */
import type { Page } from '@playwright/test';
// Declares window.__storeClient, which the page offers under automation.
import type {} from '../../src/renderer/src/ui/bridge/automation';
import type { QueryInputs } from './query-inputs';

const RUNS = 40;

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
    async ({ five, ix, me, heaviest, typed, runs }) => {
      const store = window.__storeClient;
      if (!store) throw new Error('The page did not offer its store client (navigator.webdriver unset?)');
      const time = async (run: () => Promise<unknown>): Promise<number> => {
        const t0 = performance.now();
        await run();
        return performance.now() - t0;
      };
      const repeat = async (run: () => Promise<unknown>): Promise<number[]> => {
        const samples: number[] = [];
        for (let i = 0; i < runs; i++) samples.push(await time(run));
        return samples;
      };
      const commonIxp5 = await repeat(() => store.query('compareNetworks', { asns: five }));
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
      const peersLargestIx = await repeat(() =>
        store.query('findPeers', { place: { kind: 'ix', ixId: ix.ixId }, filters: allFilters } as never),
      );
      await store.command('setMyNetworks', { asns: [me] });
      const peersAllMyIxps = await repeat(() => store.query('findPeers', { place: { kind: 'my-ixs' } }));
      const fiftyPlusRows = ((await store.query('findPeers', { place: { kind: 'my-ixs' } })) as { rows: unknown[] }).rows.length;
      await store.command('setMyNetworks', { asns: [heaviest] });
      const peersAllMyIxpsHeaviest = await repeat(() => store.query('findPeers', { place: { kind: 'my-ixs' } }));
      const heaviestRows = ((await store.query('findPeers', { place: { kind: 'my-ixs' } })) as { rows: unknown[] }).rows.length;
      const search: number[] = [];
      for (const query of typed) search.push(await time(() => store.query('searchEverything', { query, limit: 50 })));
      const sizes = {
        peersLargestIxRows: ((await store.query('findPeers', { place: { kind: 'ix', ixId: ix.ixId } })) as { rows: unknown[] }).rows.length,
        peersAllMyIxpsRows: fiftyPlusRows,
        peersAllMyIxpsHeaviestRows: heaviestRows,
      };
      await store.command('setMyNetworks', { asns: [] });
      return { commonIxp5, peersLargestIx, peersAllMyIxps, peersAllMyIxpsHeaviest, search, sizes };
    },
    {
      five: inputs.compareAsns,
      ix: inputs.largestIx,
      me: inputs.fiftyPlus.asn,
      heaviest: inputs.heaviest.asn,
      typed: inputs.keystrokes,
      runs: RUNS,
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
      keystrokes: inputs.keystrokes.length,
      compareNetworks: inputs.compareAsns.length,
      largestIx: { id: inputs.largestIx.ixId, members: inputs.largestIx.members },
      myNetworkIxCount: inputs.fiftyPlus.ixCount,
      heaviestNetworkIxCount: inputs.heaviest.ixCount,
      ...figures.sizes,
    },
  };
}
