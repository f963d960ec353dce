import { describe, expect, it } from 'vitest';
import type { PdbPage } from './envelope';
import { pageThroughList } from './page-loop';
import type { ListQuery } from './urls';

/** A list of `total` rows sliced by limit/skip, then filtered like hidden contacts are. */
function listServer(total: number, visible: (id: number) => boolean = () => true) {
  const queries: ListQuery[] = [];
  return {
    queries,
    fetchPage: async (query: ListQuery): Promise<PdbPage> => {
      queries.push(query);
      const ids = Array.from({ length: total }, (_, i) => i + 1).slice(query.skip, query.skip + query.limit);
      return { rows: ids.filter(visible).map((id) => ({ id })) };
    },
  };
}

describe('pageThroughList', () => {
  it('keeps paging past short pages and stops at the first empty one', async () => {
    // Only every third row is visible: every page is short, none is the end.
    const server = listServer(25, (id) => id % 3 === 0);
    const seen: number[] = [];
    const result = await pageThroughList({
      since: 1,
      pageSize: 10,
      overlap: 0,
      fetchPage: server.fetchPage,
      onPage: async (page) => void seen.push(...page.rows.map((r) => r.id as number)),
    });
    expect(seen).toEqual([3, 6, 9, 12, 15, 18, 21, 24]);
    expect(server.queries.map((q) => q.skip)).toEqual([0, 10, 20, 30]);
    expect(result).toEqual({ requests: 4, rows: 8 });
  });

  it('asks for the empty page after a short one: a short page may be thinned, not the last', async () => {
    const server = listServer(25);
    const seen: number[] = [];
    const result = await pageThroughList({
      since: 1,
      pageSize: 10,
      overlap: 0,
      fetchPage: server.fetchPage,
      onPage: async (page) => void seen.push(...page.rows.map((r) => r.id as number)),
    });
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(server.queries.map((q) => q.skip)).toEqual([0, 10, 20, 30]);
    expect(result).toEqual({ requests: 4, rows: 25 });
  });

  it('still asks for the empty page after a full last page', async () => {
    const server = listServer(20);
    const result = await pageThroughList({
      since: 1,
      pageSize: 10,
      overlap: 0,
      fetchPage: server.fetchPage,
      onPage: async () => undefined,
    });
    expect(server.queries.map((q) => q.skip)).toEqual([0, 10, 20]);
    expect(result).toEqual({ requests: 3, rows: 20 });
  });

  it('takes an empty page as the end of the list, whatever follows it', async () => {
    const server = listServer(30, (id) => id > 20);
    const seen: number[] = [];
    await pageThroughList({
      since: 1,
      pageSize: 10,
      overlap: 0,
      fetchPage: server.fetchPage,
      onPage: async (page) => void seen.push(...page.rows.map((r) => r.id as number)),
    });
    // The end is signalled only by emptiness; with pages of thousands of rows a slice with no
    // visible contact at all does not occur in PeeringDB's data.
    expect(seen).toEqual([]);
    expect(server.queries).toHaveLength(1);
  });

  it('re-reads the overlap so a row shifted by a concurrent update is not lost', async () => {
    const server = listServer(23);
    const seen = new Set<number>();
    await pageThroughList({
      since: 1776000000,
      pageSize: 10,
      overlap: 2,
      fetchPage: server.fetchPage,
      onPage: async (page) => page.rows.forEach((r) => seen.add(r.id as number)),
    });
    expect(server.queries.map((q) => q.skip)).toEqual([0, 8, 16, 24]);
    expect(server.queries.every((q) => q.since === 1776000000 && q.limit === 10)).toBe(true);
    expect(seen.size).toBe(23);
  });

  it('hands pages over one at a time, in order, at most one fetch ahead', async () => {
    const server = listServer(30);
    const events: string[] = [];
    let handling = 0;
    await pageThroughList({
      since: 1,
      pageSize: 10,
      overlap: 0,
      fetchPage: async (query) => {
        events.push(`fetch ${query.skip}`);
        return server.fetchPage(query);
      },
      onPage: async (_page, query) => {
        handling++;
        expect(handling).toBe(1);
        await Promise.resolve();
        events.push(`stored ${query.skip}`);
        handling--;
      },
    });
    expect(events.filter((e) => e.startsWith('stored'))).toEqual(['stored 0', 'stored 10', 'stored 20']);
    // Page N+1 is fetched before page N is stored, never page N+2.
    for (const [i, skip] of [0, 10, 20].entries()) {
      expect(events.indexOf(`fetch ${skip + 10}`)).toBeLessThan(events.indexOf(`stored ${skip}`));
      if (i < 2) expect(events.indexOf(`fetch ${skip + 20}`)).toBeGreaterThan(events.indexOf(`stored ${skip}`));
    }
  });

  it('stops after one page when the server ignores the limit and sends everything', async () => {
    const queries: ListQuery[] = [];
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: i + 1 }));
    let handled = 0;
    await pageThroughList({
      since: 1,
      pageSize: 10,
      overlap: 0,
      fetchPage: async (query) => {
        queries.push(query);
        return { rows };
      },
      onPage: async (page) => void (handled += page.rows.length),
    });
    expect(queries).toHaveLength(1);
    expect(handled).toBe(50);
  });
});

describe('pageThroughList prefetch', () => {
  it('fetches the next page while the last one is stored, and stores in order', async () => {
    const server = listServer(25);
    const events: string[] = [];
    let releaseStore: (() => void) | null = null;
    const result = pageThroughList({
      since: 1,
      pageSize: 10,
      overlap: 0,
      fetchPage: async (query) => {
        events.push(`fetch ${query.skip}`);
        return server.fetchPage(query);
      },
      onPage: (page) => {
        events.push(`store ${page.rows[0]!.id as number}`);
        return new Promise<void>((resolve) => {
          releaseStore = () => {
            events.push(`stored ${page.rows[0]!.id as number}`);
            resolve();
          };
        });
      },
    });
    // Each store is held until released: by then the next fetch must already have started.
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve) => {
        const check = () => (releaseStore ? resolve() : setImmediate(check));
        check();
      });
      const release = releaseStore!;
      releaseStore = null;
      release();
    }
    await result;
    expect(events).toEqual([
      'fetch 0', 'fetch 10', 'store 1', 'stored 1',
      'fetch 20', 'store 11', 'stored 11',
      'fetch 30', 'store 21', 'stored 21',
    ]);
  });

  it('reports a failed prefetch only after the page before it was stored', async () => {
    const stored: number[] = [];
    await expect(
      pageThroughList({
        since: 1,
        pageSize: 10,
        overlap: 0,
          fetchPage: async (query) => {
          if (query.skip > 0) throw new Error('cut off');
          return { rows: [{ id: 1 }] };
        },
        onPage: async (page) => void stored.push(page.rows[0]!.id as number),
      }),
    ).rejects.toThrow('cut off');
    expect(stored).toEqual([1]);
  });

  it('stops when storing fails, leaving the prefetched page unsent', async () => {
    const stored: number[] = [];
    const server = listServer(30);
    await expect(
      pageThroughList({
        since: 1,
        pageSize: 10,
        overlap: 0,
          fetchPage: server.fetchPage,
        onPage: async (page) => {
          stored.push(page.rows[0]!.id as number);
          throw new Error('store refused');
        },
      }),
    ).rejects.toThrow('store refused');
    expect(stored).toEqual([1]);
  });
});
