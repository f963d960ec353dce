/**
 * Discovery latencies as the UI sees them: each query goes from the page to the store worker
 * and back (structured clone included). The first run of each builds the discovery index; it
 * is reported apart (`indexBuildMs`) and left out of the percentiles.
 */
import type { Page } from '@playwright/test';
import type { PdbDump } from '../../tools/fake-peeringdb/dump';
// Declares window.__storeClient, which the page offers under automation.
import type {} from '../../src/renderer/src/ui/bridge/automation';

const RUNS = 40;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!.toFixed(2));
}

/**
 * Networks (ASNs of live records) by how many IXPs ports carrying their ASN are at, most
 * first: the app matches peers by the port's ASN, which for a few records is not their own.
 */
function netsByConnections(data: PdbDump): { asn: number; ixCount: number }[] {
  const ixsByAsn = new Map<number, Set<number>>();
  for (const row of data.netixlan?.data ?? []) {
    if (row.status !== 'ok') continue;
    let set = ixsByAsn.get(row.asn);
    if (!set) ixsByAsn.set(row.asn, (set = new Set()));
    set.add(row.ix_id);
  }
  const recordAsns = new Set((data.net?.data ?? []).filter((n) => n.status === 'ok').map((n) => n.asn));
  return [...ixsByAsn.entries()]
    .filter(([asn]) => recordAsns.has(asn))
    .map(([asn, ixs]) => ({ asn, ixCount: ixs.size }))
    .sort((a, b) => b.ixCount - a.ixCount);
}

function largestIx(data: PdbDump): { ixId: number; members: number; region: string; country: string } {
  const members = new Map<number, Set<number>>();
  for (const row of data.netixlan?.data ?? []) {
    if (row.status !== 'ok') continue;
    let set = members.get(row.ix_id);
    if (!set) members.set(row.ix_id, (set = new Set()));
    set.add(row.net_id);
  }
  const [ixId, nets] = [...members.entries()].sort((a, b) => b[1].size - a[1].size)[0]!;
  const ix = data.ix?.data.find((row) => row.id === ixId);
  return { ixId, members: nets.size, region: ix?.region_continent ?? '', country: ix?.country ?? '' };
}

/** What a user types, one keystroke at a time: prefixes of real names, an ASN, an address. */
function keystrokes(data: PdbDump): string[] {
  const words = [
    ...(data.net?.data ?? []).slice(0, 400).filter((_, i) => i % 97 === 0).map((n) => n.name),
    ...(data.ix?.data ?? []).slice(0, 50).filter((_, i) => i % 17 === 0).map((n) => n.name),
    String((data.net?.data ?? [])[123]?.asn ?? 13335),
    (data.netixlan?.data ?? []).find((n) => n.ipaddr4)?.ipaddr4 ?? '192.0.2.1',
  ];
  const typed: string[] = [];
  for (const word of words) {
    for (let i = 1; i <= Math.min(word.length, 10); i++) typed.push(word.slice(0, i));
  }
  return typed;
}

export interface QueryFigures {
  indexBuildMs: number;
  commonIxp5: number;
  peersLargestIx: number;
  peersAllMyIxps: number;
  peersAllMyIxpsHeaviest: number;
  search: number;
  firstPaintMs: number;
  context: Record<string, unknown>;
}

export async function measureQueries(page: Page, data: PdbDump): Promise<QueryFigures> {
  const nets = netsByConnections(data);
  const biggest = nets.slice(0, 2);
  const middle = nets.filter((n) => n.ixCount >= 3 && n.ixCount <= 20);
  const five = [...biggest, ...middle.slice(0, 3)].map((n) => n.asn);
  // The case, a network at 50+ IXPs: the one closest above 50. The heaviest network
  // (hundreds of IXPs) is timed too, as the worst case a user can have.
  const atFiftyPlus = [...nets].reverse().find((n) => n.ixCount >= 50) ?? nets[0]!;
  const heaviest = nets[0]!;
  const ix = largestIx(data);
  const typed = keystrokes(data);

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
      const indexBuildMs = await time(() => store.query('compareNetworks', { asns: five }));
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
      return { indexBuildMs, commonIxp5, peersLargestIx, peersAllMyIxps, peersAllMyIxpsHeaviest, search, sizes };
    },
    { five, ix, me: atFiftyPlus.asn, heaviest: heaviest.asn, typed, runs: RUNS },
  );

  // First paint with the full copy: a fresh load of the window until the app says it is ready.
  const mark = 0;
  await page.reload();
  const ready = await page.waitForFunction(
    (mark) => {
      const events = window.__appEvents ?? [];
      const event = events.slice(mark).find((e) => e.name === 'ready');
      return event ? event.at - performance.timeOrigin : null;
    },
    mark,
    { timeout: 60_000, polling: 50 },
  );
  const firstPaintMs = Math.round((await ready.jsonValue()) as number);

  return {
    indexBuildMs: Math.round(figures.indexBuildMs),
    commonIxp5: p95(figures.commonIxp5),
    peersLargestIx: p95(figures.peersLargestIx),
    peersAllMyIxps: p95(figures.peersAllMyIxps),
    peersAllMyIxpsHeaviest: p95(figures.peersAllMyIxpsHeaviest),
    search: p95(figures.search),
    firstPaintMs,
    context: {
      runs: RUNS,
      keystrokes: typed.length,
      compareNetworks: five.length,
      largestIx: { id: ix.ixId, members: ix.members },
      myNetworkIxCount: atFiftyPlus.ixCount,
      heaviestNetworkIxCount: heaviest.ixCount,
      ...figures.sizes,
    },
  };
}
