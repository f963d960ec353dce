import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PdbType } from '../../../../shared/peeringdb';
import { WATERMARK_SKEW_SECONDS, type MainToStore, type StoreToMain } from '../../../../shared/sync';
import { readDataVersion, readWatermark, readWatermarks } from '../db/meta';
import { META, openDatabase, type PeeringDatabase } from '../db/schema';
import { LocalCopy } from '../copy/local-copy';
import { flushPeeringDb } from '../copy/flush';
import { loadCopy } from '../copy/load';
import { createSyncEndpoint, type SyncEndpoint } from './endpoint';
import { ixRow, netRow, netixlanRow, orgRow, pageOf, pocRow } from './rows.test-support';

let db: PeeringDatabase;
let copy: LocalCopy;
let posted: StoreToMain[];
let committedVersions: number[];
/** The types each commit replaced with a full list (none for a page applied as it came). */
let committedWhole: (readonly PdbType[])[];
let endpoint: SyncEndpoint;
let dbCounter = 0;

beforeEach(async () => {
  db = openDatabase(`sync-endpoint-test-${++dbCounter}`);
  await db.open();
  copy = new LocalCopy();
  posted = [];
  committedVersions = [];
  committedWhole = [];
  endpoint = createSyncEndpoint({ db, copy }, (m) => posted.push(m), {
    onCommitted: (v, wholeTypes = []) => {
      committedVersions.push(v);
      committedWhole.push(wholeTypes);
    },
  });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function send(...messages: MainToStore[]): Promise<void> {
  for (const message of messages) await endpoint.receive(message);
}

async function reloaded(): Promise<LocalCopy> {
  const fresh = new LocalCopy();
  await loadCopy(db, fresh);
  return fresh;
}

function idsOf(target: LocalCopy, type: PdbType): number[] {
  return [...target.rows[type].keys()].sort((a, b) => a - b);
}

const hello = (jobId = 'job-1', withKey = false): MainToStore => ({ t: 'hello', jobId, source: 'api', withKey });
const end = (outcome: 'done' | 'cancelled' | 'error' = 'done'): MainToStore => ({ t: 'end', outcome });
let swapSeq = 10_000;
const swap = (types: PdbType[], extra: Partial<Extract<MainToStore, { t: 'swap' }>> = {}): MainToStore => ({
  t: 'swap',
  seq: ++swapSeq,
  types,
  ...extra,
});
const epoch = (iso: string) => Date.parse(iso) / 1000;

describe('applying pages', () => {
  it('stores pages so that a fresh load of the database gives the same copy', async () => {
    const orgs = [orgRow(2), orgRow(1500, { name: 'Tenant "quoted" <b>' }), orgRow(3100)];
    const nets = [netRow(1), netRow(2), netRow(9000)];
    await send(
      hello(),
      pageOf('org', orgs.slice(0, 2), { complete: false }),
      pageOf('org', orgs.slice(2)),
      pageOf('net', nets),
      end(),
    );

    expect(posted.filter((m) => m.t === 'ack').map((m) => (m as { stored: number }).stored)).toEqual([2, 1, 3]);
    const fresh = await reloaded();
    expect(fresh.rows.org).toEqual(copy.rows.org);
    expect(fresh.rows.net).toEqual(copy.rows.net);
    expect(fresh.get('org', 1500)?.name).toBe('Tenant "quoted" <b>');
    expect(fresh.counts()).toMatchObject({ org: 3, net: 3, ix: 0 });
    // One record per page, not one per row.
    expect(await db.chunks.count()).toBe(3);
  });

  it('keeps the id-ordered pages of a snapshot first load as they came, one record each', async () => {
    const nets = Array.from({ length: 2600 }, (_, i) => netRow(i + 1));
    await send(hello());
    const pages: Extract<MainToStore, { t: 'page' }>[] = [];
    for (let start = 0; start < nets.length; start += 300) {
      pages.push(pageOf('net', nets.slice(start, start + 300), { complete: start + 300 >= nets.length, snapshotAt: 1_776_300_000 }));
    }
    await send(...pages, end());

    const chunks = await db.chunks.where('type').equals('net').toArray();
    expect(chunks.map((chunk) => chunk.json).sort()).toEqual(pages.map((page) => page.rowsJson).sort());
    const fresh = await reloaded();
    expect(fresh.rows.net).toEqual(copy.rows.net);
    expect(fresh.rows.net.size).toBe(2600);
  });

  it('does not bring back rows flushed while a sync was running', async () => {
    await send(hello(), pageOf('net', [netRow(1), netRow(2)], { complete: false, snapshotAt: 1_776_300_000 }));
    await flushPeeringDb(db, copy);
    await send(pageOf('net', [netRow(3)], { complete: true, snapshotAt: 1_776_300_000 }), end());
    expect(idsOf(await reloaded(), 'net')).toEqual([3]);
    expect(idsOf(copy, 'net')).toEqual([3]);
  });

  it('merges a later page into chunks stored earlier without losing their other rows', async () => {
    await send(hello(), pageOf('net', [netRow(1), netRow(2), netRow(3)]), end());
    await send(hello('job-2'), pageOf('net', [netRow(2, { name: 'Renamed', updated: '2026-01-01T00:00:00Z' })]), end());

    const fresh = await reloaded();
    expect(idsOf(fresh, 'net')).toEqual([1, 2, 3]);
    expect(fresh.get('net', 2)?.name).toBe('Renamed');
    expect(fresh.rows.net).toEqual(copy.rows.net);
  });

  it('removes rows that come back deleted, from the copy and from disk', async () => {
    await send(hello(), pageOf('netixlan', [netixlanRow(1), netixlanRow(2), netixlanRow(2048)]), end());
    await send(
      hello('job-2'),
      pageOf('netixlan', [
        netixlanRow(2, { status: 'deleted', updated: '2026-03-01T00:00:00Z' }),
        netixlanRow(2048, { status: 'deleted', updated: '2026-03-01T00:00:00Z' }),
      ]),
      end(),
    );

    expect(idsOf(copy, 'netixlan')).toEqual([1]);
    expect(idsOf(await reloaded(), 'netixlan')).toEqual([1]);
  });

  it('applies a row that comes twice once: the later copy wins and counts once', async () => {
    await send(
      hello(),
      pageOf('poc', [pocRow(15, { name: 'Old' }), pocRow(15, { name: 'New', updated: '2026-02-01T00:00:00Z' })]),
      end(),
    );
    expect(posted).toContainEqual(expect.objectContaining({ t: 'ack', stored: 1 }));
    expect((await reloaded()).get('poc', 15)?.name).toBe('New');

    // The one-second lookback brings the same row again next time: nothing changed.
    await send(hello('job-2'), pageOf('poc', [pocRow(15, { name: 'New', updated: '2026-02-01T00:00:00Z' })]), end());
    const changes = await db.changes.toArray();
    expect(changes.map((change) => change.perType)).toEqual([{ poc: { added: 1, updated: 0, deleted: 0 } }, {}]);
    expect(copy.rows.poc.size).toBe(1);
  });

  it('keeps rows of a still pending status (a campus with one facility is pending)', async () => {
    await send(hello(), pageOf('org', [orgRow(5, { status: 'pending' })]), end());
    expect((await reloaded()).get('org', 5)?.status).toBe('pending');
  });
});

describe('sharing the worker', () => {
  type Priority = 'user-blocking' | 'user-visible' | 'background';
  const ORDER: Priority[] = ['user-blocking', 'user-visible', 'background'];

  it('reads each page after anything else the worker has to do: a question that comes while pages wait goes first', async () => {
    // The browser's task scheduler, in small: the oldest task of the highest priority runs next.
    const waiting: { priority: Priority; run: () => void }[] = [];
    const scheduler = {
      postTask(callback: () => void, options?: { priority?: Priority }) {
        waiting.push({ priority: options?.priority ?? 'user-visible', run: callback });
        return Promise.resolve();
      },
    };
    vi.stubGlobal('scheduler', scheduler);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const runNext = () => {
      const next = ORDER.flatMap((priority) => waiting.filter((task) => task.priority === priority))[0];
      if (!next) return false;
      waiting.splice(waiting.indexOf(next), 1);
      next.run();
      return true;
    };
    try {
      await send(hello());
      const received = Promise.all([endpoint.receive(pageOf('net', [netRow(1)])), endpoint.receive(pageOf('net', [netRow(2)]))]);
      await settle();
      expect(waiting.map((task) => task.priority)).toEqual(['background']);
      // A question comes while the page waits: it is answered before the page is read.
      const answered: number[] = [];
      void scheduler.postTask(() => answered.push(copy.rows.net.size));
      let ran = 0;
      while (ran < 100 && posted.filter((m) => m.t === 'ack').length < 2) {
        if (runNext()) ran++;
        await settle();
      }
      await received;
      expect(answered).toEqual([0]);
      expect(posted.filter((m) => m.t === 'ack')).toHaveLength(2);
      expect(idsOf(copy, 'net')).toEqual([1, 2]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('watermarks', () => {
  it('advance to the newest created/updated of each delta page and never move back', async () => {
    await send(
      hello(),
      pageOf('net', [netRow(1, { updated: '2026-04-01T10:00:00Z' }), netRow(2, { created: '2026-04-02T00:00:00Z', updated: '2026-04-02T00:00:00Z' })]),
    );
    expect(await readWatermark(db, 'net')).toBe(epoch('2026-04-02T00:00:00Z'));

    await send(pageOf('net', [netRow(3, { updated: '2025-01-01T00:00:00Z' })]));
    expect(await readWatermark(db, 'net')).toBe(epoch('2026-04-02T00:00:00Z'));
    expect(copy.get('net', 3)).toBeDefined();
  });

  it('of a snapshot are its time, written only with its last page', async () => {
    const snapshotAt = epoch('2026-04-16T06:00:00Z');
    await send(hello(), pageOf('org', [orgRow(1)], { complete: false, snapshotAt }));
    expect(await readWatermark(db, 'org')).toBeNull();
    await send(pageOf('org', [orgRow(2)], { complete: true, snapshotAt }));
    expect(await readWatermark(db, 'org')).toBe(snapshotAt);
  });

  it('answer state? with the stored watermarks and whether contacts were fetched with a key', async () => {
    await send(hello('job-1', true), pageOf('net', [netRow(1)]), pageOf('poc', [pocRow(1)]), end());
    posted.length = 0;
    await send({ t: 'state?' });
    expect(posted).toEqual([
      {
        t: 'state',
        state: {
          watermarks: { net: epoch('2022-07-27T05:33:22Z'), poc: epoch('2024-02-07T15:42:16Z') },
          pocWithKey: true,
        },
      },
    ]);
  });

  it('record that contacts lack the key-only ones after an anonymous full list', async () => {
    await send(hello('job-1', true), pageOf('poc', [pocRow(1)]), end());
    await send(hello('job-2', false), pageOf('poc', [pocRow(1)], { replace: true }), swap(['poc']), end());
    expect((await db.meta.get(META.pocWithKey))?.value).toBe(false);
  });
});

describe('a page and its watermark commit together', () => {
  it('a failure inside the transaction moves neither rows, watermark, copy nor data version', async () => {
    await send(hello(), pageOf('net', [netRow(1, { updated: '2026-01-01T00:00:00Z' })]));
    const versionBefore = await readDataVersion(db);
    const watermarkBefore = await readWatermark(db, 'net');

    // The watermark write is the last write of the page's transaction: make it fail.
    const failWatermark = (key: string) => {
      if (key === META.watermark('net')) throw new Error('QuotaExceededError: the disk is full');
    };
    db.meta.hook('creating', failWatermark);
    db.meta.hook('updating', (_mods, key) => failWatermark(key as string));

    const page = pageOf('net', [netRow(1, { name: 'Changed', updated: '2026-03-01T00:00:00Z' }), netRow(2000, { updated: '2026-03-01T00:00:00Z' })]);
    await send(page);

    expect(posted.at(-1)).toMatchObject({ t: 'nack', seq: page.seq });
    expect((posted.at(-1) as { message: string }).message).toMatch(/disk is full/);
    expect(await readWatermark(db, 'net')).toBe(watermarkBefore);
    expect(await readDataVersion(db)).toBe(versionBefore);
    const fresh = await reloaded();
    expect(idsOf(fresh, 'net')).toEqual([1]);
    expect(fresh.get('net', 1)?.name).toBe('Network 1');
    expect(copy.get('net', 1)?.name).toBe('Network 1');
    expect(copy.get('net', 2000)).toBeUndefined();
  });

  it('a failing chunk write (quota) leaves the watermark where it was', async () => {
    db.chunks.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const page = pageOf('org', [orgRow(1, { updated: '2026-03-01T00:00:00Z' })]);
    await send(hello(), page, end('error'));
    // Said as what it is: the disk is full (not a refused page, not any write failure).
    expect(posted[0]).toMatchObject({ t: 'nack', seq: page.seq, kind: 'full' });
    expect(await readWatermarks(db)).toEqual({});
    expect(await db.chunks.count()).toBe(0);
    expect(copy.rows.org.size).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });
});

describe('refused pages', () => {
  it.each([
    ['not JSON', '[{"id": 1,', /not valid JSON/],
    ['not an array', '{"id": 1}', /not a JSON array/],
  ])('are nacked as refused, with a message, and write nothing: %s', async (_label, rowsJson, message) => {
    await send(hello(), pageOf('net', [netRow(1)]));
    const version = await readDataVersion(db);
    const chunks = await db.chunks.toArray();
    const bad: MainToStore = { ...pageOf('net', []), rowsJson };
    await send(bad);
    const reply = posted.at(-1) as Extract<StoreToMain, { t: 'nack' }>;
    expect(reply).toMatchObject({ t: 'nack', seq: (bad as { seq: number }).seq, kind: 'refused' });
    expect(reply.message).toMatch(message);
    expect(reply.message).toMatch(/net/);
    expect(await db.chunks.toArray()).toEqual(chunks);
    expect(await readDataVersion(db)).toBe(version);
  });

  it('a page of an unknown type is refused', async () => {
    const bad = { ...pageOf('net', [netRow(1)]), type: 'nope' } as unknown as MainToStore;
    await send(bad);
    expect(posted[0]).toMatchObject({ t: 'nack', kind: 'refused' });
    expect(await db.chunks.count()).toBe(0);
  });
});

describe('rows that fail the row schema', () => {
  it('are left out and counted by reason; the rest of the page is stored', async () => {
    const rowsJson = JSON.stringify([
      netRow(1),
      { status: 'ok', name: 'No id' },
      netRow(2, { status: 'gone' as never }),
      netRow(3, { asn: 0 }),
      netRow(4, { name: 4 as never }),
      netRow(5, { org_id: -1 }),
      netRow(6),
    ]);
    const page: MainToStore = { ...pageOf('net', []), rowsJson };
    await send(hello(), page, end());
    expect(posted[0]).toEqual({
      t: 'ack',
      seq: (page as { seq: number }).seq,
      stored: 2,
      skipped: {
        'id is missing': 1,
        'status is not ok, pending or deleted': 1,
        'asn is not an AS number (1 to 4294967295)': 1,
        'name is not text': 1,
        'org_id is not a whole number from 0 up': 1,
      },
    });
    expect(idsOf(await reloaded(), 'net')).toEqual([1, 6]);
  });

  it('lone surrogates are repaired before the page is stored, staged text included', async () => {
    // JSON escapes are the way a lone surrogate reaches the app: decoded UTF-8 never holds one.
    const rowsJson = JSON.stringify([netRow(1, { name: 'Broken \uD800 name' })]).replace('\\uD800', '\\ud800');
    expect(rowsJson).toContain('\\ud800');
    await send(hello(), { ...pageOf('net', []), rowsJson, complete: false } as MainToStore);
    const stored = (await reloaded()).get('net', 1)!.name;
    expect(stored).toBe('Broken \uFFFD name');
    expect(copy.get('net', 1)!.name).toBe('Broken \uFFFD name');
  });

  it('a deletion needs only its id: PeeringDB blanks the other fields of a deleted contact', async () => {
    await send(hello(), pageOf('poc', [pocRow(1), pocRow(2)]), end());
    const rowsJson = JSON.stringify([{ id: 1, status: 'deleted', net_id: null, name: '', updated: '2026-05-01T00:00:00Z' }]);
    await send(hello('job-2'), { ...pageOf('poc', []), rowsJson } as MainToStore, end());
    expect(idsOf(await reloaded(), 'poc')).toEqual([2]);
  });
});

describe('full lists that replace a type', () => {
  it('are held apart until the swap: until then the old rows answer, on disk and in the copy', async () => {
    await send(hello(), pageOf('org', [orgRow(1), orgRow(2), orgRow(3), orgRow(5000)]), end());
    const watermark = await readWatermark(db, 'org');
    const snapshotAt = epoch('2026-04-16T06:00:00Z');

    await send(hello('job-2'), pageOf('org', [orgRow(1), orgRow(4)], { replace: true, complete: false, snapshotAt }));
    await send(pageOf('org', [orgRow(6, { updated: '2026-04-10T00:00:00Z' })], { replace: true, complete: true, snapshotAt }));
    expect(idsOf(copy, 'org')).toEqual([1, 2, 3, 5000]);
    expect(idsOf(await reloaded(), 'org')).toEqual([1, 2, 3, 5000]);
    expect(await readWatermark(db, 'org')).toBe(watermark);

    const commitsBefore = committedWhole.length;
    const swapMessage = swap(['org']);
    await send(swapMessage, end());
    expect(posted.at(-1)).toEqual({ t: 'ack', seq: (swapMessage as { seq: number }).seq, stored: 3 });
    expect(idsOf(copy, 'org')).toEqual([1, 4, 6]);
    // The index hears that the job is done with the type (see DiscoveryIndex.warmUp).
    expect(committedWhole.slice(commitsBefore)).toEqual([['org']]);
    expect(committedWhole.slice(0, commitsBefore).every((types) => types.length === 0)).toBe(true);
    expect(idsOf(await reloaded(), 'org')).toEqual([1, 4, 6]);
    expect(await readWatermark(db, 'org')).toBe(snapshotAt);

    const [, summary] = await db.changes.orderBy('id').toArray();
    expect(summary!.perType.org).toEqual({ added: 2, updated: 0, deleted: 3 });

    // The list's rows are the type's rows from now on: a later change applies to them.
    await send(hello('job-3'), pageOf('org', [orgRow(7), orgRow(4, { status: 'deleted' })]), end());
    expect(idsOf(copy, 'org')).toEqual([1, 6, 7]);
    expect(idsOf(await reloaded(), 'org')).toEqual([1, 6, 7]);
  });

  it('are acknowledged with their rows that passed, live and deleted, for the progress (main sends bulk rows unread)', async () => {
    const page = pageOf('org', [orgRow(1), orgRow(2, { status: 'deleted' }), orgRow(3)], { replace: true, complete: false });
    const nameless: MainToStore = { ...pageOf('org', [], { replace: true, complete: false }), rowsJson: '[{"id": 4, "status": "ok"}, {"id": 5, "name": "Org 5", "status": "ok"}]' };
    await send(hello(), page, nameless);
    expect(posted[0]).toEqual({ t: 'ack', seq: (page as { seq: number }).seq, stored: 3, held: { live: 2, deleted: 1 } });
    expect(posted[1]).toMatchObject({ t: 'ack', held: { live: 1, deleted: 0 }, skipped: { 'name is missing': 1 } });
  });

  it('a held page whose write fails (quota) refuses the page after it and the swap; the type stays as it was', async () => {
    await send(hello(), pageOf('org', [orgRow(1)]), end());
    const chunks = await db.chunks.toArray();
    let failing = true;
    db.chunks.hook('creating', () => {
      if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const first = pageOf('org', [orgRow(2)], { replace: true, complete: false });
    const second = pageOf('org', [orgRow(3)], { replace: true, complete: false });
    const swapMessage = swap(['org']);
    await send(hello('job-2'), first, second, swapMessage, end('error'));
    failing = false;
    // The first page's write goes on while the next is read: its failure is the next page's answer, and the swap's.
    expect(posted.find((m) => 'seq' in m && m.seq === (second as { seq: number }).seq)).toMatchObject({ t: 'nack', kind: 'full' });
    expect(posted.find((m) => 'seq' in m && m.seq === (swapMessage as { seq: number }).seq)).toMatchObject({ t: 'nack', kind: 'full' });
    expect(idsOf(copy, 'org')).toEqual([1]);
    expect(idsOf(await reloaded(), 'org')).toEqual([1]);
    expect(await db.chunks.toArray()).toEqual(chunks);
  });

  it('a list read again from its start drops what the earlier reading held, on disk and in memory', async () => {
    await send(hello(), pageOf('org', [orgRow(1)]), end());
    const cutOff = pageOf('org', [orgRow(2), orgRow(3)], { replace: true, complete: false, startsList: true });
    const again = pageOf('org', [orgRow(2)], { replace: true, complete: false, startsList: true });
    const rest = pageOf('org', [orgRow(4)], { replace: true, complete: false });
    const swapMessage = swap(['org']);
    await send(hello('job-2'), cutOff, again, rest, swapMessage, end());
    expect(posted.find((m) => 'seq' in m && m.seq === (swapMessage as { seq: number }).seq)).toEqual({ t: 'ack', seq: (swapMessage as { seq: number }).seq, stored: 2 });
    expect(idsOf(copy, 'org')).toEqual([2, 4]);
    expect(idsOf(await reloaded(), 'org')).toEqual([2, 4]);
    // Only the second reading's two records are left.
    expect((await db.chunks.where('type').equals('org').toArray()).map((chunk) => chunk.count)).toEqual([1, 1]);
  });

  it('a held page the store cannot read refuses the pages after it and the swap sent behind them; the type stays as it was', async () => {
    await send(hello(), pageOf('org', [orgRow(1)]), end());
    const chunks = await db.chunks.toArray();
    const first = pageOf('org', [orgRow(2)], { replace: true, complete: false });
    const cutOff: MainToStore = { ...pageOf('org', [], { replace: true, complete: false }), rowsJson: '[{"id": 3, "name": "Org' };
    const third = pageOf('org', [orgRow(4)], { replace: true, complete: false });
    const swapMessage = swap(['org']);
    // Main sends a list's pages and its swap without waiting for their acks.
    await send(hello('job-2'), first, cutOff, third, swapMessage, end('error'));
    const answerTo = (message: MainToStore) => posted.find((m) => 'seq' in m && m.seq === (message as { seq: number }).seq);
    expect(answerTo(first)).toMatchObject({ t: 'ack' });
    expect(answerTo(cutOff)).toMatchObject({ t: 'nack', kind: 'refused' });
    // Refused for the page before it: the list cannot be whole.
    const reason = (answerTo(cutOff) as { message: string }).message.split('was refused: ')[1]!;
    expect(reason).toMatch(/not valid JSON/);
    expect(answerTo(third)).toMatchObject({ t: 'nack', kind: 'refused' });
    expect((answerTo(third) as { message: string }).message).toContain(reason);
    expect(answerTo(swapMessage)).toMatchObject({ t: 'nack', kind: 'refused' });
    expect(idsOf(copy, 'org')).toEqual([1]);
    expect(idsOf(await reloaded(), 'org')).toEqual([1]);
    expect(await db.chunks.toArray()).toEqual(chunks);
  });

  it.each(['error', 'cancelled'] as const)('a list that ends (%s) before its swap leaves the type as it was', async (outcome) => {
    await send(hello(), pageOf('poc', [pocRow(1), pocRow(2), pocRow(3)]), end());
    const chunks = await db.chunks.toArray();
    const meta = await db.meta.toArray();
    await send(hello('job-2'), pageOf('poc', [pocRow(1)], { replace: true, complete: false }), end(outcome));
    expect(await db.chunks.toArray()).toEqual(chunks);
    expect((await db.meta.toArray()).filter((record) => record.key !== META.lastSync)).toEqual(meta.filter((record) => record.key !== META.lastSync));
    expect(idsOf(copy, 'poc')).toEqual([1, 2, 3]);

    // What was held is gone with the job: a later swap of the type in another job has nothing.
    await send(hello('job-3'), pageOf('poc', [pocRow(7)], { replace: true }), swap(['poc']), end());
    expect(idsOf(await reloaded(), 'poc')).toEqual([7]);
  });

  it('a swap whose transaction fails leaves every type as it was, and the list can be swapped again', async () => {
    await send(hello(), pageOf('net', [netRow(1)]), pageOf('org', [orgRow(1)]), end());
    await send(hello('job-2'), pageOf('net', [netRow(2)], { replace: true }), pageOf('org', [orgRow(2)], { replace: true }));
    let failing = true;
    const failOrgMark = (key: unknown) => {
      if (failing && key === META.loaded('org')) throw new Error('the disk went away');
    };
    db.meta.hook('creating', (key) => failOrgMark(key));
    db.meta.hook('updating', (_mods, key) => failOrgMark(key));
    const first = swap(['net', 'org']);
    await send(first);
    expect(posted.at(-1)).toMatchObject({ t: 'nack', seq: (first as { seq: number }).seq, kind: 'write' });
    expect(idsOf(await reloaded(), 'net')).toEqual([1]);
    expect(idsOf(await reloaded(), 'org')).toEqual([1]);
    expect(idsOf(copy, 'net')).toEqual([1]);

    failing = false;
    await send(swap(['net', 'org']), end());
    expect(idsOf(await reloaded(), 'net')).toEqual([2]);
    expect(idsOf(await reloaded(), 'org')).toEqual([2]);
  });

  it('an empty full list empties the type when it is swapped in', async () => {
    await send(hello(), pageOf('poc', [pocRow(1), pocRow(2)]), end());
    await send(hello('job-2'), pageOf('poc', [], { replace: true, complete: true }), swap(['poc']), end());
    expect(copy.rows.poc.size).toBe(0);
    expect(await db.chunks.where('type').equals('poc').count()).toBe(0);
  });

  it('a full list from the future sets its watermark no later than now', async () => {
    const before = Date.now() / 1000;
    await send(hello(), pageOf('org', [orgRow(1, { updated: '2100-01-01T00:00:00Z' })], { replace: true }));
    await send(swap(['org'], { snapshotAt: { org: epoch('2100-01-01T00:00:00Z') } }), end());
    const watermark = (await readWatermark(db, 'org'))!;
    expect(watermark).toBeLessThanOrEqual(Date.now() / 1000 + WATERMARK_SKEW_SECONDS);
    expect(watermark).toBeGreaterThanOrEqual(before);
  });

  it('main\'s bound (the server\'s clock) wins when it is earlier than this clock', async () => {
    const serverNow = epoch('2026-04-16T06:00:00Z');
    await send(hello(), pageOf('net', [netRow(1, { updated: '2026-09-01T00:00:00Z' })], { notAfter: serverNow }), end());
    expect(await readWatermark(db, 'net')).toBe(serverNow);
  });
});

describe('the change summary', () => {
  async function seedExchanges(): Promise<void> {
    await send(
      hello('seed'),
      pageOf('ix', [ixRow(1, { name: 'DE-CIX Frankfurt' }), ixRow(3, { name: 'AMS-IX' })]),
      pageOf('netixlan', [
        netixlanRow(1, { ix_id: 1, asn: 100 }),
        netixlanRow(2, { ix_id: 1, asn: 100, ipaddr4: '198.32.118.92' }),
        netixlanRow(3, { ix_id: 1, asn: 200 }),
        netixlanRow(4, { ix_id: 3, asn: 100 }),
      ]),
      end(),
    );
  }

  it('a first load counts everything as added and reports no IXP moves', async () => {
    await seedExchanges();
    const [summary] = await db.changes.toArray();
    expect(summary).toMatchObject({
      jobId: 'seed',
      source: 'api',
      outcome: 'done',
      perType: { ix: { added: 2, updated: 0, deleted: 0 }, netixlan: { added: 4, updated: 0, deleted: 0 } },
      ixMoves: [],
    });
  });

  it('counts added, updated and deleted rows and the networks that joined or left each IXP', async () => {
    await seedExchanges();
    const later = '2026-04-15T12:00:00Z';
    await send(
      hello('job-2'),
      pageOf('netixlan', [
        // AS100 drops one of its two ports at IX 1: still there, no move.
        netixlanRow(1, { ix_id: 1, asn: 100, status: 'deleted', updated: later }),
        // AS200 leaves IX 1.
        netixlanRow(3, { ix_id: 1, asn: 200, status: 'deleted', updated: later }),
        // AS300 joins IX 1; AS400 joins IX 7, which the copy does not know (named by the row).
        netixlanRow(5, { ix_id: 1, asn: 300, created: later, updated: later }),
        netixlanRow(6, { ix_id: 7, asn: 400, name: 'Far Away IX', created: later, updated: later }),
        // A speed change: updated, no move.
        netixlanRow(4, { ix_id: 3, asn: 100, speed: 400000, updated: later }),
      ]),
      end(),
    );

    const summaries = await db.changes.orderBy('id').toArray();
    expect(summaries).toHaveLength(2);
    expect(summaries[1]).toMatchObject({
      jobId: 'job-2',
      perType: { netixlan: { added: 2, updated: 1, deleted: 2 } },
      ixMoves: [
        { ixId: 1, ixName: 'DE-CIX Frankfurt', joined: [300], left: [200] },
        { ixId: 7, ixName: 'Far Away IX', joined: [400], left: [] },
      ],
    });
  });

  it('a row added and deleted within one sync leaves no trace', async () => {
    await seedExchanges();
    await send(
      hello('job-2'),
      pageOf('netixlan', [netixlanRow(9, { ix_id: 3, asn: 900 })], { complete: false }),
      pageOf('netixlan', [netixlanRow(9, { ix_id: 3, asn: 900, status: 'deleted', updated: '2026-04-16T00:00:00Z' })]),
      end(),
    );
    const summaries = await db.changes.orderBy('id').toArray();
    expect(summaries.at(-1)).toMatchObject({ jobId: 'job-2', perType: {}, ixMoves: [] });
  });

  it('a resync with nothing new writes no chunks, and records a sync that changed nothing', async () => {
    await seedExchanges();
    const version = await readDataVersion(db);
    const chunks = await db.chunks.toArray();
    committedVersions.length = 0;
    posted.length = 0;

    const before = Date.now();
    await send(hello('quiet'), pageOf('ix', []), pageOf('netixlan', []), end());

    expect(posted).toEqual([expect.objectContaining({ t: 'ack', stored: 0 }), expect.objectContaining({ t: 'ack', stored: 0 })]);
    expect(committedVersions).toEqual([]);
    expect(await readDataVersion(db)).toBe(version);
    expect(await db.chunks.toArray()).toEqual(chunks);
    const summaries = await db.changes.orderBy('id').toArray();
    expect(summaries).toHaveLength(2);
    expect(summaries[1]).toMatchObject({ jobId: 'quiet', outcome: 'done', perType: {}, ixMoves: [] });
    expect((await db.meta.get(META.lastSync))?.value).toBeGreaterThanOrEqual(before);
  });

  it('a resync whose lookback brings back stored rows as they are writes nothing and counts them stored', async () => {
    await seedExchanges();
    const version = await readDataVersion(db);
    const chunks = await db.chunks.toArray();
    committedVersions.length = 0;
    posted.length = 0;

    // The one-second lookback: the newest rows again, unchanged, and a deletion of a row the
    // copy never had.
    const lookback = pageOf('netixlan', [
      netixlanRow(3, { ix_id: 1, asn: 200 }),
      netixlanRow(4, { ix_id: 3, asn: 100 }),
      netixlanRow(77, { ix_id: 3, asn: 700, status: 'deleted' }),
    ]);
    await send(hello('lookback'), lookback, end());

    expect(posted).toEqual([{ t: 'ack', seq: lookback.seq, stored: 3 }]);
    expect(committedVersions).toEqual([]);
    expect(await readDataVersion(db)).toBe(version);
    expect(await db.chunks.toArray()).toEqual(chunks);
    expect((await db.changes.orderBy('id').last())?.perType).toEqual({});
  });

  it('a lookback page with one real change stores that change only, and a twice-sent row as its later copy', async () => {
    await seedExchanges();
    const later = '2026-04-15T12:00:00Z';
    await send(
      hello('mixed'),
      pageOf('netixlan', [
        netixlanRow(3, { ix_id: 1, asn: 200 }),
        netixlanRow(4, { ix_id: 3, asn: 100, speed: 100_000, updated: later }),
        // Changed, then sent again as stored: the later copy wins, which changes nothing.
        netixlanRow(2, { ix_id: 1, asn: 100, ipaddr4: '198.32.118.99', updated: later }),
        netixlanRow(2, { ix_id: 1, asn: 100, ipaddr4: '198.32.118.92' }),
      ]),
      end(),
    );

    const fresh = await reloaded();
    expect(fresh.get('netixlan', 4)).toMatchObject({ speed: 100_000 });
    expect(fresh.get('netixlan', 2)).toMatchObject({ ipaddr4: '198.32.118.92' });
    expect(await readWatermark(db, 'netixlan')).toBe(epoch(later));
    const summaries = await db.changes.toArray();
    expect(summaries.at(-1)).toMatchObject({ jobId: 'mixed', perType: { netixlan: { added: 0, updated: 1, deleted: 0 } } });
  });

  it('a cancelled sync keeps what it committed and records it as cancelled, without a last sync time', async () => {
    await send(hello('cut'), pageOf('org', [orgRow(1)]), end('cancelled'));
    const [summary] = await db.changes.toArray();
    expect(summary).toMatchObject({ outcome: 'cancelled', perType: { org: { added: 1, updated: 0, deleted: 0 } } });
    expect(await db.meta.get(META.lastSync)).toBeUndefined();
    expect(copy.rows.org.size).toBe(1);
  });
});

describe('data version', () => {
  it('moves with every committed page and is reported to the listener', async () => {
    await send(hello(), pageOf('org', [orgRow(1)]), pageOf('net', [netRow(1)]));
    expect(committedVersions).toEqual([1, 2]);
    expect(await readDataVersion(db)).toBe(2);
  });
});
