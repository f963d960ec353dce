import { describe, expect, it } from 'vitest';
import type { MainToStore } from '../../shared/sync';
import { SyncError } from './errors';
import { MemoryStore } from './memory-store.test-support';
import { ProgressReporter } from './progress-reporter';
import { PagesInFlight, replaceWithListText } from './snapshot';
import { StoreSession } from './store-session';
import { StreamedText } from './streamed-text';

function orgRow(id: number, extra: Record<string, unknown> = {}) {
  return { id, name: `Org ${id} "quoted" \\ {}`, status: 'ok', created: '2020-01-01T00:00:00Z', updated: `2026-04-0${1 + (id % 5)}T10:00:00Z`, ...extra };
}

/** Sends `text` as the bulk cache's org list to a store in memory; what the store received. */
async function replaceOrgs(text: string, size = { rows: 4, chars: 10_000 }) {
  const store = new MemoryStore();
  const session = new StoreSession(store.openLink('job'), new AbortController().signal, 5000, 'cache', () => undefined);
  session.hello('job', 'cache', false);
  const progress = new ProgressReporter('job', 'cache', () => undefined, 0);
  const { swapped } = await replaceWithListText(session, progress, { type: 'org', stream: StreamedText.of(text), where: "the bulk cache's org list" }, size, Date.now() / 1000 + 60);
  await swapped;
  const pages = store.messages.filter((message): message is Extract<MainToStore, { t: 'page' }> => message.t === 'page');
  return { store, pages, progress: progress.snapshot() };
}

async function refusal(text: string): Promise<SyncError> {
  const error = await replaceOrgs(text).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

function facRow(id: number) {
  return { id, org_id: 1, name: `Facility ${id}`, status: 'ok', created: '2020-01-01T00:00:00Z', updated: '2026-04-01T10:00:00Z' };
}

describe('replaceWithListText', () => {
  it('sends the list in pages of whole rows cut from the answer as it came, then swaps them in at meta.generated', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => orgRow(i + 1));
    const text = JSON.stringify({ meta: { generated: 1_776_300_000 }, data: rows });
    const { store, pages, progress } = await replaceOrgs(text);
    expect(pages.map((page) => (JSON.parse(page.rowsJson) as unknown[]).length)).toEqual([4, 4, 2]);
    // Each page is the answer's own text: no row was serialised again.
    for (const page of pages) expect(text).toContain(page.rowsJson.slice(1, -1));
    expect(pages.every((page) => page.replace === true && page.complete === false)).toBe(true);
    expect(store.swaps).toEqual([{ jobId: 'job', types: ['org'], snapshotAt: { org: 1_776_300_000 } }]);
    expect(store.live('org').map((row) => row.id).sort((a, b) => a - b)).toEqual(rows.map((row) => row.id));
    expect(progress.types.org).toMatchObject({ fetched: 10, stored: 10, skipped: 0 });
  });

  it('sends the pages and the swap without waiting for acks, at most so many pages waiting across the lists of a job', async () => {
    const store = new MemoryStore();
    const link = store.openLink('job');
    let unacked = 0;
    const sent: { t: string; type: string; unacked: number }[] = [];
    const counting = {
      ...link,
      send: (message: MainToStore) => {
        if (message.t === 'page') sent.push({ t: 'page', type: message.type, unacked: unacked++ });
        if (message.t === 'swap') sent.push({ t: 'swap', type: message.types.join(), unacked });
        link.send(message);
      },
      onMessage: (listener: Parameters<typeof link.onMessage>[0]) =>
        link.onMessage((message) => {
          if (message.t === 'ack' && 'held' in message) unacked--;
          listener(message);
        }),
      onClose: (listener: () => void) => link.onClose(listener),
      close: () => link.close(),
    };
    const session = new StoreSession(counting, new AbortController().signal, 5000, 'cache', () => undefined);
    session.hello('job', 'cache', false);
    const progress = new ProgressReporter('job', 'cache', () => undefined, 0);
    const inFlight = new PagesInFlight(3);
    const listOf = (type: 'org' | 'fac', count: number) => ({
      type,
      stream: StreamedText.of(JSON.stringify({ data: Array.from({ length: count }, (_, i) => (type === 'org' ? orgRow(i + 1) : facRow(i + 1))), meta: {} })),
      where: `the ${type} list`,
    });
    const size = { rows: 4, chars: 10_000 };
    const orgs = await replaceWithListText(session, progress, listOf('org', 20), size, Date.now() / 1000 + 60, inFlight);
    // The swap went right after the last page, before the store acknowledged them all.
    expect(sent.at(-1)).toMatchObject({ t: 'swap', type: 'org' });
    expect(sent.at(-1)!.unacked).toBeGreaterThan(0);
    expect(store.swaps).toEqual([]);
    const facs = await replaceWithListText(session, progress, listOf('fac', 9), size, Date.now() / 1000 + 60, inFlight);
    await Promise.all([orgs.swapped, facs.swapped]);
    expect(sent.map((message) => `${message.t} ${message.type}`)).toEqual([...Array(5).fill('page org'), 'swap org', ...Array(3).fill('page fac'), 'swap fac']);
    // Three at most waited for their acks, the other list's pages included.
    expect(Math.max(...sent.filter((message) => message.t === 'page').map((message) => message.unacked))).toBe(2);
    expect(store.swaps.map((swap) => swap.types)).toEqual([['org'], ['fac']]);
    expect(store.live('org')).toHaveLength(20);
    expect(store.live('fac')).toHaveLength(9);
    expect(progress.snapshot().types.org).toMatchObject({ fetched: 20, stored: 20 });
    expect(progress.snapshot().types.fac).toMatchObject({ fetched: 9, stored: 9 });
  });

  it('a page the store refuses fails the list: its swap is refused and the type stays as it was', async () => {
    const store = new MemoryStore();
    const session = new StoreSession(store.openLink('job'), new AbortController().signal, 5000, 'cache', () => undefined);
    session.hello('job', 'cache', false);
    const progress = new ProgressReporter('job', 'cache', () => undefined, 0);
    const rows = Array.from({ length: 10 }, (_, i) => orgRow(i + 1));
    // The second page is cut short on its way: the store cannot read it.
    const text = JSON.stringify({ data: rows, meta: {} });
    store.onApplied = (page) => {
      if (page.seq === 1) store.refuseNextPage = 'Page 2 of org was refused: the page is not valid JSON';
    };
    const { swapped } = await replaceWithListText(session, progress, { type: 'org', stream: StreamedText.of(text), where: "the bulk cache's org list" }, { rows: 4, chars: 10_000 }, Date.now() / 1000 + 60);
    const error = await swapped.then(() => null, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toMatch(/Page 2 of org was refused/);
    // The swap was sent with the pages, and the store refused it: nothing of the list is in.
    expect(store.messages.some((message) => message.t === 'swap')).toBe(true);
    expect(store.swaps).toEqual([]);
    expect(store.live('org')).toEqual([]);
  });

  it('sends pages as the text arrives, and starts the list again when the download does', async () => {
    const store = new MemoryStore();
    const session = new StoreSession(store.openLink('job'), new AbortController().signal, 5000, 'cache', () => undefined);
    session.hello('job', 'cache', false);
    const progress = new ProgressReporter('job', 'cache', () => undefined, 0);
    const rows: object[] = Array.from({ length: 10 }, (_, i) => orgRow(i + 1));
    rows[2] = { id: 3, status: 'ok' };
    const text = JSON.stringify({ data: rows, meta: {} });
    const stream = new StreamedText();
    const twoPagesStored = new Promise<void>((resolve) => {
      store.onApplied = (page) => {
        if (page.seq === 2) resolve();
      };
    });
    const sending = replaceWithListText(session, progress, { type: 'org', stream, where: 'the list' }, { rows: 4, chars: 500 }, Date.now() / 1000 + 60);
    // Two pages' worth came, then the download was cut and begun again.
    stream.push(text.slice(0, text.indexOf('"id":9')));
    await twoPagesStored;
    const sentBeforeRestart = store.messages.filter((message) => message.t === 'page').length;
    expect(sentBeforeRestart).toBe(2);
    stream.restart();
    stream.push(text.slice(0, 100));
    stream.push(text.slice(100));
    stream.end();
    const { swapped } = await sending;
    await swapped;
    const pages = store.messages.filter((message): message is Extract<MainToStore, { t: 'page' }> => message.t === 'page');
    expect(pages.map((page) => page.startsList === true)).toEqual([true, false, true, false, false]);
    expect(store.live('org').map((row) => row.id)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10]);
    // What the first reading counted is forgotten: each row once, the nameless one skipped once.
    expect(progress.snapshot().types.org).toMatchObject({ fetched: 9, stored: 9, skipped: 1 });
    expect(progress.snapshot().skippedRows).toEqual({ org: { 'name is missing': 1 } });
  });

  it('keeps a page within the characters allowed, whatever its rows', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => orgRow(i + 1, { notes: 'n'.repeat(400) }));
    const { pages } = await replaceOrgs(JSON.stringify({ data: rows, meta: {} }), { rows: 100, chars: 1000 });
    expect(pages.map((page) => (JSON.parse(page.rowsJson) as unknown[]).length)).toEqual([2, 2, 2]);
  });

  it('leaves rows that fail the row schema to the store, which stores the rest, counts them, and stands for the newest change without meta', async () => {
    const rows = [orgRow(1), { id: 2, status: 'ok' }, orgRow(3), orgRow(4), orgRow(5, { updated: '2026-04-09T00:00:00Z' }), orgRow(6, { status: 'deleted' })];
    const { store, pages, progress } = await replaceOrgs(JSON.stringify({ data: rows }));
    // Main sends the rows unread, as they came: checking them is the store's, which parses them anyway.
    expect(JSON.parse(pages[0]!.rowsJson)).toEqual(rows.slice(0, 4));
    expect(store.live('org').map((row) => row.id)).toEqual([1, 3, 4, 5]);
    expect(store.swaps[0]!.snapshotAt).toEqual({});
    expect(store.watermarks.org).toBe(Date.parse('2026-04-09T00:00:00Z') / 1000);
    expect(progress.skippedRows).toEqual({ org: { 'name is missing': 1 } });
    expect(progress.types.org).toMatchObject({ fetched: 4, deleted: 1, stored: 4, skipped: 1 });
  });

  it('refuses an answer that is cut off, not JSON, or holds no list, and swaps nothing in', async () => {
    const text = JSON.stringify({ data: Array.from({ length: 9 }, (_, i) => orgRow(i + 1)), meta: {} });
    expect((await refusal(text.slice(0, -40))).message).toMatch(/answer for the bulk cache's org list is not valid JSON.*cut off/);
    const unreadableRow = await refusal('{"data": [{"id": 1,, }]}');
    expect(unreadableRow.code).toBe('malformed');
    expect(unreadableRow.message).toMatch(/answer for the bulk cache's org list is not valid JSON.*not valid JSON/);
    expect((await refusal('{"meta": {"error": "Service unavailable"}}')).message).toMatch(/has no "data" list\. PeeringDB said: Service unavailable/);
    expect((await refusal('[1, 2]')).message).toMatch(/is not a PeeringDB answer/);
  });
});
